// Disable a form's submit button once it is sent, so a double click files one report.
// (The server also refuses the second copy through the form's submission token.)
document.querySelectorAll("form.needs-submit-guard").forEach((form) => {
  form.addEventListener("submit", () => {
    form.querySelectorAll("button[type=submit]").forEach((button) => {
      button.disabled = true;
    });
  });
});
