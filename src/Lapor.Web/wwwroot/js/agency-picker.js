// Agency pickers on the report page (Features/Inbox/_AgencyPicker.cshtml). The select works on its
// own; this adds a filter box over its options and a warning when a chosen agency has no liaison
// officer. Options are taken out of the list rather than hidden, as phones ignore hidden options.
const format = (template, value) => template.replace("{0}", value);

document.querySelectorAll("select.agency-select").forEach((select) => {
  const warning = document.getElementById(select.dataset.warning);
  const filter = document.getElementById(`${select.id}-filter`);
  const count = document.getElementById(`${select.id}-count`);

  // What the list holds when nothing is filtered: each group (or loose option) with its options.
  const parts = Array.from(select.children).map((node) => ({
    node,
    options: node.tagName === "OPTGROUP" ? Array.from(node.children) : [node],
  }));

  const warn = () => {
    const unstaffed = Array.from(select.selectedOptions).filter((o) => o.dataset.unstaffed === "true");
    warning.textContent = unstaffed.length ? format(warning.dataset.template, unstaffed.map((o) => o.dataset.name).join(", ")) : "";
    warning.hidden = unstaffed.length === 0;
  };

  const apply = () => {
    const words = filter.value.toLocaleLowerCase().split(/\s+/).filter(Boolean);
    // An agency's name, the agency above it and its region's name: "kesehatan" finds the health office's units too.
    const matches = (option, region) => {
      const text = `${option.dataset.search || ""} ${region}`.toLocaleLowerCase();
      return words.every((word) => text.includes(word));
    };
    // The "choose" entry stays, and so do chosen agencies: a filter narrows the list, it does not change the choice.
    // Browsers differ in what they select when options leave and come back, so the choice is put back by hand.
    const chosen = Array.from(select.options).filter((o) => o.selected && o.value);
    let shown = 0;
    select.replaceChildren();
    parts.forEach(({ node, options }) => {
      const region = node.tagName === "OPTGROUP" ? node.label : "";
      const kept = options.filter((o) => !o.value || matches(o, region) || chosen.includes(o));
      shown += options.filter((o) => o.value && matches(o, region)).length;
      if (node.tagName === "OPTGROUP") {
        node.replaceChildren(...kept);
        if (kept.length) {
          select.append(node);
        }
      } else if (kept.length) {
        select.append(node);
      }
    });
    if (select.multiple) {
      chosen.forEach((o) => {
        o.selected = true;
      });
    } else {
      select.value = chosen.length ? chosen[0].value : "";
    }
    count.textContent = words.length ? format(count.dataset.template, shown) : "";
    warn();
  };

  if (filter && count) {
    filter.closest(".agency-filter").hidden = false;
    filter.addEventListener("input", apply);
    // Enter in the filter box must not send the form half filled.
    filter.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        select.focus();
      }
    });
  }

  select.addEventListener("change", warn);
  warn();
});
