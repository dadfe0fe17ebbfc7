// The staff report page of a report at verification: the similar earlier reports, asked for once the page is shown.
(() => {
  const slot = document.querySelector("[data-similar]");
  if (!slot) return;
  fetch(slot.dataset.similar, { headers: { Accept: "text/html" }, credentials: "same-origin" })
    .then((response) => (response.ok ? response.text() : ""))
    .then((html) => { slot.innerHTML = html; })
    .catch(() => {});
})();
