// Copy buttons: <button data-copy="input-id"> copies that input's value (the calendar feed link); without clipboard access it
// selects the text so that it can be copied by hand.
document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('[data-copy]') : null;
  if (!button) return;
  const input = document.getElementById(button.getAttribute('data-copy'));
  if (!input) return;
  input.focus();
  input.select();
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(input.value).then(() => { button.textContent = 'Copied'; }, () => { button.textContent = 'Select and copy'; });
  } else {
    button.textContent = 'Selected: press Ctrl+C';
  }
});
