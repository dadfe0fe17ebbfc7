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

// A form sent back with errors: put the keyboard (and the screen reader) on its error summary
// (ErrorSummaryTagHelper), or on the message of an action that failed. Each summary link goes to its field,
// which announces its own error through aria-describedby (ValidationAriaTagHelper).
const errorSummary = document.getElementById("error-summary") ?? document.getElementById("flash-error");
if (errorSummary) {
  errorSummary.focus();
}
document.querySelectorAll("#error-summary a[href^='#']").forEach((link) => {
  link.addEventListener("click", (event) => {
    const field = document.getElementById(link.hash.slice(1));
    if (!field) {
      return;
    }
    event.preventDefault();
    // Show the question with the field: its legend (radio buttons) or its label.
    const caption = field.closest("fieldset")?.querySelector("legend") ?? (field.id && document.querySelector(`label[for="${CSS.escape(field.id)}"]`));
    (caption || field).scrollIntoView({ block: "start" });
    field.focus({ preventScroll: true });
  });
});

// Forms that act on someone else at once (an administrator signing a user out, say) ask first.
document.querySelectorAll("form[data-confirm]").forEach((form) => {
  form.addEventListener("submit", (event) => {
    if (!window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  });
});

// The navigation menu on phones and the administration menu: Bootstrap's collapse and dropdown in a few lines,
// so no page downloads Bootstrap's 80 KB script for them.
document.querySelectorAll("[data-lapor-toggle]").forEach((button) => {
  const menu = button.dataset.laporToggle === "collapse"
    ? document.getElementById(button.getAttribute("aria-controls"))
    : button.nextElementSibling;
  const show = (open) => {
    menu.classList.toggle("show", open);
    button.setAttribute("aria-expanded", String(open));
  };
  button.addEventListener("click", () => show(!menu.classList.contains("show")));
  if (button.dataset.laporToggle === "dropdown") {
    document.addEventListener("click", (event) => {
      if (!button.parentElement.contains(event.target)) {
        show(false);
      }
    });
    button.parentElement.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && menu.classList.contains("show")) {
        show(false);
        button.focus();
      }
    });
  }
});

// Switching language reloads the page in the other language: what was typed into the page's forms comes along,
// kept in this tab's sessionStorage for the next page only. Never passwords, files or hidden fields.
const typedKey = "lapor.typed";
const keepable = (field) => field.name && !["password", "file", "hidden", "submit", "button", "reset"].includes(field.type);
const formsOfPage = () => [...document.querySelectorAll("main form")];
document.querySelectorAll("form[data-keeps-typing]").forEach((switcher) => {
  switcher.addEventListener("submit", () => {
    const forms = formsOfPage().map((form) => [...form.elements].filter(keepable).map((field) =>
      field.type === "checkbox" || field.type === "radio" ? field.checked
        : field.type === "select-multiple" ? [...field.selectedOptions].map((option) => option.value)
          : field.value));
    try {
      sessionStorage.setItem(typedKey, JSON.stringify({ path: location.pathname, forms }));
    } catch {
      // Storage full or refused: the switch still works, only without the typed text.
    }
  });
});
try {
  const typed = JSON.parse(sessionStorage.getItem(typedKey) ?? "null");
  sessionStorage.removeItem(typedKey);
  if (typed?.path === location.pathname) {
    formsOfPage().forEach((form, f) => {
      const values = typed.forms[f] ?? [];
      [...form.elements].filter(keepable).forEach((field, i) => {
        const value = values[i];
        if (value === undefined || value === null) {
          return;
        }
        if (field.type === "checkbox" || field.type === "radio") {
          field.checked = value;
        } else if (field.type === "select-multiple") {
          [...field.options].forEach((option) => { option.selected = value.includes(option.value); });
        } else {
          field.value = value;
        }
      });
    });
  }
} catch {
  // Nothing kept, or storage unavailable: the page stays as the server sent it.
}

// A field required unless a box is ticked (the name, unless the report is anonymous): its mark and aria-required follow the box.
document.querySelectorAll("[data-required-unless]").forEach((element) => {
  const box = document.getElementById(element.dataset.requiredUnless);
  if (!box) {
    return;
  }
  const follow = () => {
    if (element.matches("input, textarea, select")) {
      element.setAttribute("aria-required", String(!box.checked));
    } else {
      element.hidden = box.checked;
    }
  };
  box.addEventListener("change", follow);
  follow();
});
