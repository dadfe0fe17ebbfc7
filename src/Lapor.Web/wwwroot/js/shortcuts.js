// Keyboard shortcuts for staff lists and report pages. A key never fires while the user types
// (text boxes, selects, editable areas) or holds a modifier, so it cannot eat a letter of an answer.
// Keys are declared in the page: data-shortcut="r" on the element to click (or focus),
// and the list's rows are the <tr data-row> of a table marked data-shortcut-list.
(() => {
  const typing = (el) => el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  const list = document.querySelector("[data-shortcut-list]");
  const rows = list ? Array.from(list.querySelectorAll("tr[data-row]")) : [];
  const help = document.getElementById("shortcut-help");
  let current = -1;

  const select = (index) => {
    if (rows.length === 0) return;
    current = Math.max(0, Math.min(rows.length - 1, index));
    rows.forEach((row, i) => row.classList.toggle("table-active", i === current));
    const link = rows[current].querySelector("a[data-open]");
    link?.focus();
  };

  // Focus moved into a row by Tab or a click: j/k go on from there.
  rows.forEach((row, i) => row.addEventListener("focusin", () => {
    current = i;
    rows.forEach((r, j) => r.classList.toggle("table-active", j === i));
  }));

  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    const key = event.key;
    if (help && (key === "?" || (key === "Escape" && !help.hidden))) {
      help.hidden = key === "Escape" ? true : !help.hidden;
      if (!help.hidden) help.focus();
      event.preventDefault();
      return;
    }

    if (rows.length > 0 && (key === "j" || key === "k")) {
      select(current < 0 ? 0 : current + (key === "j" ? 1 : -1));
      event.preventDefault();
      return;
    }

    if (rows.length > 0 && current >= 0 && (key === "o" || key === "r" || key === "x")) {
      const row = rows[current];
      if (key === "x") {
        row.querySelector("input[type=checkbox]")?.click();
      } else {
        const link = row.querySelector("a[data-open]");
        if (link) window.location.href = key === "r" ? `${link.href}#action-tanggapi` : link.href;
      }
      event.preventDefault();
      return;
    }

    const target = document.querySelector(`[data-shortcut="${CSS.escape(key)}"]`);
    if (target) {
      event.preventDefault();
      target.click();
    }
  });
})();

// The list's "tick all" box ticks the rows of this page.
document.querySelectorAll("[data-check-all]").forEach((all) => {
  all.addEventListener("change", () => {
    all.closest("table")?.querySelectorAll("tbody input[type=checkbox]").forEach((box) => { box.checked = all.checked; });
  });
});
