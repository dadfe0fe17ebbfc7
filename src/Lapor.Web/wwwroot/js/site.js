// Disable a form's submit button once it is sent, so a double click files one report.
// (The server also refuses the second copy through the form's submission token.)
document.querySelectorAll("form.needs-submit-guard").forEach((form) => {
  form.addEventListener("submit", () => {
    form.querySelectorAll("button[type=submit]").forEach((button) => {
      button.disabled = true;
    });
  });
});

// Response templates: the button next to a template list appends the chosen text to the answer.
document.querySelectorAll(".template-picker").forEach((picker) => {
  const target = document.getElementById(picker.dataset.target);
  const select = picker.querySelector("select");
  picker.querySelector("button").addEventListener("click", () => {
    target.value = target.value ? `${target.value}\n\n${select.value}` : select.value;
    target.focus();
  });
});

// "Cetak" buttons (recovery codes): print the page; the print style hides everything but the content.
document.querySelectorAll("[data-print]").forEach((button) => {
  button.addEventListener("click", () => window.print());
});

// A form sent back with errors: put the keyboard (and the screen reader) on the first field to fix,
// which announces its error through aria-describedby (set by ValidationAriaTagHelper).
const firstInvalid = document.querySelector("[aria-invalid=true]");
if (firstInvalid) {
  firstInvalid.focus();
}

// Forms that act on someone else at once (an administrator signing a user out, say) ask first.
document.querySelectorAll("form[data-confirm]").forEach((form) => {
  form.addEventListener("submit", (event) => {
    if (!window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  });
});
