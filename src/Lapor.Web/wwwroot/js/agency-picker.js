// Agency pickers on the report page (StaffWork/ReportPage/_AgencyPicker.cshtml). The tree of checkboxes or
// radio buttons works on its own; this adds a search box that filters it as you type, and a warning when
// a chosen agency has no liaison officer.
const format = (template, value) => template.replace("{0}", value);

// "Dinas Pekerjaan Umum" and "dinas pekerjaan umum" are one; so are "Sekretariat Daerah" and "Sékrétariat daerah".
const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLocaleLowerCase();

// An agency's name: the text of its label, without the marks in words after it (small elements).
const nameOf = (item) => Array.from(item.querySelector(":scope > label").childNodes)
  .filter((node) => node.nodeType === Node.TEXT_NODE)
  .map((node) => node.textContent)
  .join(" ")
  .trim();

// The agency item above an item (its OPD for a sub-unit), if any.
const parentOf = (item) => item.parentElement.closest("li");

document.querySelectorAll("fieldset.agency-picker").forEach((picker) => {
  const warning = document.getElementById(picker.dataset.warning);
  const filter = document.getElementById(`${picker.id}-filter`);
  const count = document.getElementById(`${picker.id}-count`);
  const tree = picker.querySelector(".agency-tree");
  const groups = Array.from(tree.querySelectorAll("details"));

  // Each agency with what a search looks in: its name, the agencies above it and its region's name,
  // so "kesehatan puskesmas" finds the health office's clinics.
  const items = Array.from(tree.querySelectorAll("li")).map((item) => {
    let text = nameOf(item);
    for (let up = parentOf(item); up; up = parentOf(up)) {
      text += ` ${nameOf(up)}`;
    }
    const region = item.closest("details.agency-region");
    if (region) {
      text += ` ${region.querySelector(":scope > summary").textContent}`;
    }
    return { item, input: item.querySelector(":scope > label > input"), text: fold(text) };
  });

  const warn = () => {
    const unstaffed = items.filter(({ item, input }) => input.checked && item.querySelector(":scope > label > .no-officer"));
    warning.textContent = unstaffed.length ? format(warning.dataset.template, unstaffed.map(({ item }) => nameOf(item)).join(", ")) : "";
    warning.hidden = unstaffed.length === 0;
  };

  // Which groups were open before the search began: put back when the box is emptied.
  let before = null;

  const apply = () => {
    const words = fold(filter.value).split(/\s+/).filter(Boolean);
    if (!words.length) {
      items.forEach(({ item }) => {
        item.hidden = false;
      });
      groups.forEach((group, i) => {
        group.hidden = false;
        group.open = before ? before[i] : group.open;
      });
      before = null;
      count.textContent = "";
      return;
    }

    before ??= groups.map((group) => group.open);
    // A match is shown with every agency and group above it, opened; chosen agencies stay in sight too:
    // a search narrows the list, it does not change the choice.
    const shown = new Set();
    let matches = 0;
    items.forEach(({ item, input, text }) => {
      const match = words.every((word) => text.includes(word));
      matches += match ? 1 : 0;
      if (match || input.checked) {
        for (let up = item; up && !shown.has(up); up = parentOf(up)) {
          shown.add(up);
        }
      }
    });
    const open = new Set();
    shown.forEach((item) => {
      for (let group = item.parentElement.closest("details"); group && !open.has(group); group = group.parentElement.closest("details")) {
        open.add(group);
      }
    });
    items.forEach(({ item }) => {
      item.hidden = !shown.has(item);
    });
    groups.forEach((group) => {
      group.hidden = !open.has(group);
      group.open = open.has(group);
    });
    tree.scrollTop = 0;
    count.textContent = format(count.dataset.template, matches);
  };

  if (filter && count) {
    filter.closest(".agency-filter").hidden = false;
    filter.addEventListener("input", apply);
    // Enter in the search box must not send the form half filled: it goes to the first agency found.
    filter.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        items.find(({ item, input }) => !item.hidden && !input.disabled)?.input.focus();
      }
    });
  }

  // The suggested agency may sit low in a long region: bring it into the box's view (not the page's).
  const first = items.find(({ input }) => input.checked);
  if (first) {
    const below = first.item.getBoundingClientRect().top - tree.getBoundingClientRect().top;
    if (below > tree.clientHeight - 40) {
      tree.scrollTop = below - tree.clientHeight / 3;
    }
  }

  picker.addEventListener("change", (event) => {
    if (event.target !== filter) {
      warn();
    }
  });
  warn();
});
