// The file picker of a form (Features/Shared/Attachments/_Uploader): each file is checked here (type,
// size), photos are shrunk (long edge 2048 px, JPEG; the server strips metadata again), and uploaded as
// soon as it is picked, so the form itself sends only the ids of staged files and stays small. Without
// this script the picker is a plain file input and the server stages the files on an error.
(() => {
  const LONG_EDGE = 2048;
  const KEEP_AS_IS = 1024 * 1024; // a photo already this small and within the edge is sent untouched
  const ACCEPTED = ["image/jpeg", "image/png", "application/pdf"];
  const EXTENSIONS = /\.(jpe?g|png|pdf)$/i;

  const fill = (text, ...values) => values.reduce((t, v, i) => t.replaceAll(`{${i}}`, v), text);

  const shrink = async (file) => {
    let bitmap;
    try {
      bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
    } catch {
      return null; // not an image this browser can read
    }

    const scale = Math.min(1, LONG_EDGE / Math.max(bitmap.width, bitmap.height));
    if (scale === 1 && ACCEPTED.includes(file.type) && file.size <= KEEP_AS_IS) {
      bitmap.close();
      return file;
    }

    const canvas = document.createElement("canvas");
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.85));
    if (!blob) {
      return null;
    }

    const name = `${file.name.replace(/\.[^.]*$/, "") || "foto"}.jpg`;
    return new File([blob], name, { type: "image/jpeg" });
  };

  const upload = (url, data, onProgress) =>
    new Promise((resolve) => {
      // XMLHttpRequest rather than fetch: only it reports upload progress, which matters on a slow link.
      const request = new XMLHttpRequest();
      request.open("POST", url);
      request.setRequestHeader("Accept", "application/json");
      request.upload.addEventListener("progress", (e) => e.lengthComputable && onProgress(e.loaded / e.total));
      request.addEventListener("load", () => {
        let body = null;
        try {
          body = JSON.parse(request.responseText);
        } catch {
          body = null;
        }
        resolve({ ok: request.status >= 200 && request.status < 300, body });
      });
      request.addEventListener("error", () => resolve({ ok: false, body: null }));
      request.send(data);
    });

  const stagedKey = "lapor.staged";
  document.querySelectorAll(".uploader").forEach((root) => {
    const form = root.closest("form");
    const input = root.querySelector("input[type=file]");
    const list = root.querySelector(".uploader-list");
    const errors = root.querySelector(".uploader-errors");
    const status = root.querySelector(".uploader-status");
    const d = root.dataset;
    const maxBytes = Number(d.maxBytes);
    const maxFiles = Number(d.maxFiles);
    let pending = 0;

    const say = (text) => {
      status.textContent = text;
    };

    // The reason goes to the error list (read out at once); the status line stops saying "uploading…".
    const refuse = (text) => {
      const item = document.createElement("li");
      item.textContent = text;
      errors.append(item);
      say("");
    };

    const removeButton = (item, name, removeUrl) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "btn btn-outline-danger btn-sm uploader-remove";
      button.textContent = d.textRemoveShort;
      button.setAttribute("aria-label", fill(d.textRemove, name));
      button.addEventListener("click", async () => {
        button.disabled = true;
        const data = new FormData();
        data.append("__RequestVerificationToken", form.querySelector("input[name=__RequestVerificationToken]").value);
        await fetch(removeUrl, { method: "POST", body: data, credentials: "same-origin" }).catch(() => null);
        item.remove();
        say(fill(d.textRemoved, name));
        input.focus();
      });
      return button;
    };

    // Files the server kept from an earlier submission: the same remove button instead of the checkbox.
    list.querySelectorAll(".uploader-item").forEach((item) => {
      const keep = item.querySelector(".uploader-keep");
      const checkbox = keep.querySelector("input");
      const hidden = Object.assign(document.createElement("input"), { type: "hidden", name: checkbox.name, value: checkbox.value });
      keep.replaceWith(hidden, removeButton(item, item.dataset.name, item.dataset.removeUrl));
    });

    // A staged file listed as the server lists it (see _Uploader.cshtml), with its remove button.
    const listStaged = (staged, thumbnailUrl) => {
      const item = document.createElement("li");
      item.className = "uploader-item d-flex align-items-center gap-2 py-1";
      Object.assign(item.dataset, { id: staged.id, name: staged.name, size: staged.size, image: staged.isImage, fileUrl: staged.fileUrl, removeUrl: staged.removeUrl });
      if (staged.isImage) {
        const thumb = Object.assign(document.createElement("img"), { src: thumbnailUrl || staged.fileUrl, alt: "", width: 56, height: 56 });
        thumb.className = "uploader-thumb rounded border";
        item.append(thumb);
      } else {
        const doc = Object.assign(document.createElement("span"), { textContent: "PDF", className: "uploader-thumb uploader-doc rounded border" });
        doc.setAttribute("aria-hidden", "true");
        item.append(doc);
      }
      const label = Object.assign(document.createElement("span"), { className: "uploader-name text-break flex-grow-1", textContent: staged.name });
      label.append(Object.assign(document.createElement("span"), { className: "text-body-secondary small", textContent: ` (${Math.max(1, Math.round(staged.size / 1024))} KB)` }));
      const hidden = Object.assign(document.createElement("input"), { type: "hidden", name: d.stagedField, value: staged.id });
      item.append(label, hidden, removeButton(item, staged.name, staged.removeUrl));
      return item;
    };

    // Switching language reloads the page with a new form: the files staged so far come along, under the
    // form's token, which the new page then takes over (site.js brings the typed text).
    const tokenInput = () => form.querySelector(`input[type=hidden][value="${d.formToken}"]`);
    document.querySelectorAll("form[data-keeps-typing]").forEach((switcher) => {
      switcher.addEventListener("submit", () => {
        const files = [...list.querySelectorAll(".uploader-item[data-id]")].map((item) => ({
          id: item.dataset.id, name: item.dataset.name, size: Number(item.dataset.size), isImage: item.dataset.image === "true",
          fileUrl: item.dataset.fileUrl, removeUrl: item.dataset.removeUrl,
        }));
        try {
          sessionStorage.setItem(stagedKey, JSON.stringify({ path: location.pathname, token: d.formToken, files }));
        } catch {
          // Storage refused: the files stay staged on the server for a day, but this page will not list them.
        }
      });
    });
    try {
      const kept = JSON.parse(sessionStorage.getItem(stagedKey) ?? "null");
      sessionStorage.removeItem(stagedKey);
      const token = tokenInput();
      if (kept?.path === location.pathname && kept.files.length > 0 && token) {
        token.value = kept.token;
        d.formToken = kept.token;
        list.replaceChildren(...kept.files.map((staged) => listStaged(staged)));
      }
    } catch {
      // Nothing kept: the page lists what the server sent.
    }

    const stage = async (file) => {
      if (list.children.length >= maxFiles) {
        refuse(fill(d.textTooMany, maxFiles));
        return;
      }

      const typed = ACCEPTED.includes(file.type) || EXTENSIONS.test(file.name);
      const isImage = file.type.startsWith("image/") || /\.(jpe?g|png)$/i.test(file.name);
      const item = document.createElement("li");
      item.className = "uploader-item d-flex align-items-center gap-2 py-1";
      const label = document.createElement("span");
      label.className = "uploader-name text-break flex-grow-1";
      label.textContent = file.name;
      const progress = document.createElement("progress");
      progress.max = 1;
      progress.className = "uploader-progress";
      progress.setAttribute("aria-label", fill(d.textUploading, file.name));
      item.append(label, progress);
      list.append(item);
      pending += 1;
      try {
        let sent = file;
        if (isImage) {
          say(fill(d.textShrinking, file.name));
          sent = await shrink(file);
          if (!sent) {
            if (!typed) {
              item.remove();
              refuse(fill(d.textWrongType, file.name));
              return;
            }
            sent = file; // the server decides about a JPEG or PNG this browser cannot draw
          }
        } else if (!typed) {
          item.remove();
          refuse(fill(d.textWrongType, file.name));
          return;
        }

        if (sent.size > maxBytes) {
          item.remove();
          refuse(fill(d.textTooBig, file.name, d.maxMegabytes));
          return;
        }

        say(fill(d.textUploading, file.name));
        const data = new FormData();
        data.append("__RequestVerificationToken", form.querySelector("input[name=__RequestVerificationToken]").value);
        data.append("formToken", d.formToken);
        data.append("file", sent, sent.name);
        const answer = await upload(d.stageUrl, data, (share) => {
          progress.value = share;
        });
        if (!answer.ok || !answer.body || !answer.body.id) {
          item.remove();
          refuse((answer.body && answer.body.detail) || fill(d.textFailed, file.name));
          return;
        }

        const staged = answer.body;
        // The thumbnail from the photo in hand, not downloaded again over the slow link.
        item.replaceWith(listStaged(staged, staged.isImage ? URL.createObjectURL(sent) : null));
        say(fill(d.textAdded, staged.name));
      } finally {
        pending -= 1;
        root.dispatchEvent(new Event("uploader:settled"));
      }
    };

    input.addEventListener("change", async () => {
      const files = [...input.files];
      // The files travel now, one by one; the form must not send them again.
      input.value = "";
      errors.replaceChildren();
      input.removeAttribute("aria-invalid");
      for (const file of files) {
        await stage(file);
      }
    });

    // Captured before the double-submit guard (site.js): a form sent while a photo is still uploading
    // waits for it, then goes by itself.
    let waiting = null;
    form.addEventListener(
      "submit",
      (event) => {
        if (pending > 0) {
          event.preventDefault();
          event.stopImmediatePropagation();
          waiting = event.submitter || null;
          say(d.textWait);
        }
      },
      true,
    );
    const settled = () => {
      if (pending === 0 && waiting !== null) {
        const submitter = waiting;
        waiting = null;
        form.requestSubmit(submitter);
      }
    };
    root.addEventListener("uploader:settled", settled);
  });
})();
