// The brag document's Print button: shown only when this script runs (the page works without it: the browser's own Print does the same).
document.querySelectorAll('[data-print]').forEach(function (button) {
  button.hidden = false;
  button.addEventListener('click', function () { window.print(); });
});
