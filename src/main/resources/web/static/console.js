// 新职业征集受理 — the console's only script: confirmation before a form marked data-confirm is sent.
document.addEventListener('submit', function (event) {
  var form = event.target;
  var question = form.getAttribute('data-confirm');
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
