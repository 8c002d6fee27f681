// The mock-interview timer: shown only when this script runs (the page works without it). "Start timer" counts the time you
// speak; the seconds go into the "Spoken time in seconds" box, which the coach uses to judge your pace.
(function () {
  'use strict';
  function format(seconds) {
    var m = Math.floor(seconds / 60), s = seconds % 60;
    return m + ':' + (s < 10 ? '0' : '') + s;
  }
  document.querySelectorAll('[data-timer]').forEach(function (box) {
    var display = box.querySelector('[data-timer-display]');
    var start = box.querySelector('[data-timer-start]');
    var reset = box.querySelector('[data-timer-reset]');
    var target = document.getElementById(box.getAttribute('data-timer-target'));
    var elapsed = 0, since = null, tick = null;
    function seconds() { return Math.round((elapsed + (since === null ? 0 : Date.now() - since)) / 1000); }
    function show() {
      var s = seconds();
      display.textContent = format(s);
      if (target && (since !== null || elapsed > 0)) { target.value = String(Math.min(3600, Math.max(1, s))); }
    }
    function stop() {
      if (since !== null) { elapsed += Date.now() - since; since = null; }
      clearInterval(tick); tick = null;
      start.textContent = elapsed > 0 ? 'Resume timer' : 'Start timer';
      show();
    }
    start.addEventListener('click', function () {
      if (since === null) {
        since = Date.now();
        tick = setInterval(show, 250);
        start.textContent = 'Pause timer';
      } else {
        stop();
      }
    });
    reset.addEventListener('click', function () {
      since = null; elapsed = 0; clearInterval(tick); tick = null;
      start.textContent = 'Start timer';
      display.textContent = format(0);
      if (target) { target.value = ''; }
    });
    var form = box.closest('form');
    if (form) { form.addEventListener('submit', function () { if (since !== null) { stop(); } }); }
    box.hidden = false;
  });
})();
