// "Back" on the error page: a script file rather than a javascript: link, which the Content-Security-Policy refuses
document.querySelectorAll('[data-history-back]').forEach(function (link) {
  link.addEventListener('click', function (event) {
    event.preventDefault();
    history.back();
  });
});
