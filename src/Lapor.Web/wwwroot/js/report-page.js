// The staff report page.
(() => {
  // "r" from the list, or a link to #action-tanggapi: open that action's form and put the cursor in it.
  const openAction = (id) => {
    const details = document.getElementById(id);
    if (!(details instanceof HTMLDetailsElement)) return false;
    details.open = true;
    details.querySelector("textarea, select, input:not([type=hidden])")?.focus();
    details.scrollIntoView({ block: "nearest" });
    return true;
  };
  if (location.hash.startsWith("#action-")) openAction(location.hash.slice(1));

  // "r" on the page itself answers the reporter (the first response, or the final one when that is what is left).
  document.addEventListener("keydown", (event) => {
    const el = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey || (el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)))) return;
    if (event.key === "r" && (openAction("action-tanggapi") || openAction("action-tindak-lanjut-akhir"))) event.preventDefault();
  });

  // Who else has the page open, and whether the report changed since it was drawn: asked every 20 seconds,
  // said in a polite live region, and never more than once for the same news.
  const box = document.querySelector("[data-presence]");
  if (!box) return;
  const drawn = Number(box.dataset.version);
  let said = "";
  const ask = async () => {
    try {
      const response = await fetch(box.dataset.presence, { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (!response.ok) return;
      const answer = await response.json();
      const lines = [];
      if (answer.others.length > 0) lines.push(box.dataset.others.replace("{0}", answer.others.join(", ")));
      if (answer.version !== drawn) lines.push(box.dataset.changed);
      const text = lines.join(" ");
      if (text !== said) {
        said = text;
        box.textContent = text;
        box.hidden = text === "";
      }
    } catch {
      // Offline for a moment: ask again next time.
    }
  };
  ask();
  setInterval(ask, 20000);
})();
