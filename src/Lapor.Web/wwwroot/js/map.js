// Maps (Features/Shared/_MapCanvas.cshtml): one pin on a report page, the pin the citizen sets on the
// filing form, and the public map of reports. Every map has its place in words beside it; when the
// tiles cannot be loaded the map stays grey with its pin and a line says so, and without Leaflet
// (the map switched off) the filing form still takes the phone's location.
(() => {
  const format = (template, value) => template.replace("{0}", value);
  const fixed = (degrees) => (Math.round(degrees * 1e6) / 1e6).toFixed(6).replace(/\.?0+$/, "");

  const baseMap = (element) => {
    element.hidden = false;
    const text = element.dataset;
    const map = L.map(element, { zoomControl: false, attributionControl: false });
    L.control.zoom({ zoomInTitle: text.textZoomIn, zoomOutTitle: text.textZoomOut }).addTo(map);
    L.control.attribution({ prefix: false }).addTo(map);
    const tiles = L.tileLayer(text.tileUrl, {
      maxZoom: Number(text.maxZoom) || 19,
      attribution: text.attribution,
      // The portal sends no referrer elsewhere; tile servers (OpenStreetMap's) ask for the site's origin.
      referrerPolicy: "strict-origin",
    });
    tiles.once("tileerror", () => {
      map.removeLayer(tiles);
      const note = element.nextElementSibling;
      if (note && note.hasAttribute("data-map-offline")) {
        note.hidden = false;
      }
    });
    tiles.addTo(map);
    map.on("popupopen", (e) => {
      const close = e.popup.getElement().querySelector(".leaflet-popup-close-button");
      if (close) {
        close.setAttribute("aria-label", text.textClose);
        close.title = text.textClose;
      }
    });
    return map;
  };

  const pointOf = (element) =>
    element.dataset.lat && element.dataset.lng ? L.latLng(Number(element.dataset.lat), Number(element.dataset.lng)) : null;

  const center = (element) => [Number(element.dataset.centerLat), Number(element.dataset.centerLng)];

  // One pin, not movable: the officer's report page (exact) or the public one (rounded by the server).
  const showPoint = (element) => {
    const point = pointOf(element);
    const map = baseMap(element);
    map.setView(point, element.dataset.approximate ? 16 : 17);
    L.marker(point, { alt: element.dataset.textMarker, interactive: false, keyboard: false }).addTo(map);
  };

  // Leaflet for the filing form, fetched only when the citizen opens the map: most reports need none,
  // and a slow phone is spared its script, styles and tiles. The addresses come from a <template>.
  let leaflet = null;
  const loadLeaflet = (template) => {
    leaflet ??= new Promise((resolve, reject) => {
      if (window.L) {
        resolve();
        return;
      }

      const loads = [...template.content.querySelectorAll("link[rel=stylesheet], script[src]")].map((source) => new Promise((done, fail) => {
        const asset = source.tagName === "LINK" ? document.createElement("link") : document.createElement("script");
        if (source.tagName === "LINK") {
          asset.rel = "stylesheet";
          asset.href = source.getAttribute("href");
        } else {
          asset.src = source.getAttribute("src");
        }
        asset.onload = done;
        asset.onerror = fail;
        document.head.append(asset);
      }));
      Promise.all(loads).then(() => resolve(), (error) => {
        leaflet = null; // a later tap tries again
        reject(error);
      });
    });
    return leaflet;
  };

  // The filing form: the phone's location, a tap on the map, a dragged pin or the map's centre.
  const pickPoint = (picker) => {
    const latitude = document.querySelector("[data-place-lat]");
    const longitude = document.querySelector("[data-place-lng]");
    const status = picker.querySelector("[data-place-status]");
    const clear = picker.querySelector("[data-place-clear]");
    const locate = picker.querySelector("[data-place-locate]");
    const openMap = picker.querySelector("[data-place-open-map]");
    const pinCenter = picker.querySelector("[data-place-center]");
    const element = picker.querySelector("[data-map]");
    const assets = picker.querySelector("template[data-leaflet]");
    const text = picker.dataset;
    let map = null;
    let marker = null;
    picker.hidden = false;

    const place = (lat, lng) => {
      if (!map) {
        return;
      }

      if (lat === null) {
        if (marker) {
          map.removeLayer(marker);
          marker = null;
        }
      } else if (marker) {
        marker.setLatLng([lat, lng]);
      } else {
        marker = L.marker([lat, lng], { alt: element.dataset.textMarker, draggable: true }).addTo(map);
        marker.on("dragend", () => {
          const at = marker.getLatLng();
          show(at.lat, at.lng);
        });
      }
    };

    const show = (lat, lng) => {
      latitude.value = lat === null ? "" : fixed(lat);
      longitude.value = lng === null ? "" : fixed(lng);
      status.textContent = lat === null ? text.textNone : format(text.textChosen, `${latitude.value}, ${longitude.value}`);
      clear.disabled = lat === null;
      place(lat, lng);
    };

    // Draws the map once (at the chosen point, or the region's centre); then the pin follows every choice.
    const open = () => {
      if (map || !element || !assets) {
        return Promise.resolve();
      }

      openMap.disabled = true;
      return loadLeaflet(assets).then(() => {
        map ??= baseMap(element);
        const chosen = latitude.value && longitude.value ? L.latLng(Number(latitude.value), Number(longitude.value)) : null;
        map.setView(chosen || center(element), chosen ? 17 : Number(element.dataset.zoom));
        map.on("click", (e) => show(e.latlng.lat, e.latlng.lng));
        if (chosen) {
          place(chosen.lat, chosen.lng);
        }
        openMap.hidden = true;
        pinCenter.hidden = false;
      }, () => {
        openMap.disabled = false;
        const note = element.nextElementSibling;
        if (note && note.hasAttribute("data-map-offline")) {
          note.hidden = false;
        }
      });
    };

    if (openMap) {
      openMap.hidden = !element || !assets;
      openMap.addEventListener("click", () => open().then(() => map && element.focus()));
      pinCenter.hidden = true;
      pinCenter.addEventListener("click", () => {
        const at = map.getCenter();
        show(at.lat, at.lng);
      });
    }

    // A form sent back with its point shows that point on the map, as the citizen left it.
    if (latitude.value && longitude.value) {
      open();
    }

    clear.addEventListener("click", () => {
      show(null, null);
      locate.focus();
    });

    if (!("geolocation" in navigator)) {
      locate.hidden = true;
      return;
    }

    locate.addEventListener("click", () => {
      status.textContent = text.textLocating;
      locate.disabled = true;
      navigator.geolocation.getCurrentPosition(
        (position) => {
          locate.disabled = false;
          show(position.coords.latitude, position.coords.longitude);
          // The map opens on the phone's point, so the citizen can see it and move the pin if it is off.
          open().then(() => map && map.setView([position.coords.latitude, position.coords.longitude], 17));
        },
        (error) => {
          locate.disabled = false;
          status.textContent = error.code === error.PERMISSION_DENIED ? text.textDenied : text.textFailed;
        },
        { enableHighAccuracy: true, timeout: 20000, maximumAge: 60000 });
    });
  };

  // The public map: rounded points of public, non-anonymous reports, clustered; each opens a popup
  // with a link to the report. More are asked for the visible area only when the first answer was cut.
  const showReports = (element) => {
    const map = baseMap(element);
    map.setView(center(element), Number(element.dataset.zoom));
    const text = element.dataset;
    const clusters = L.markerClusterGroup({
      showCoverageOnHover: false,
      iconCreateFunction: (cluster) => {
        const count = cluster.getChildCount();
        const size = count < 10 ? "small" : count < 100 ? "medium" : "large";
        // The count is the button's name for a screen reader too ("12 laporan"), read from hidden text.
        const name = format(text.textCluster, count);
        return L.divIcon({
          html: `<div><span aria-hidden="true">${count}</span><span class="visually-hidden">${name}</span></div>`,
          className: `marker-cluster marker-cluster-${size}`,
          iconSize: L.point(40, 40),
        });
      },
    });
    map.addLayer(clusters);
    let cut = false;
    let first = true;

    const popup = (feature) => {
      const box = document.createElement("div");
      const title = document.createElement("p");
      title.className = "fw-semibold mb-1";
      title.textContent = feature.properties.title;
      const number = document.createElement("p");
      number.className = "small mb-1";
      number.textContent = feature.properties.number;
      const link = document.createElement("a");
      link.href = text.detailUrl.replace("__number__", encodeURIComponent(feature.properties.number));
      link.textContent = text.textOpen;
      box.append(title, number, link);
      return box;
    };

    const load = (bounds) => {
      const url = new URL(text.url, window.location.href);
      if (bounds) {
        url.searchParams.set("bbox", [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()].map((d) => d.toFixed(3)).join(","));
      }

      fetch(url, { headers: { Accept: "application/geo+json" }, credentials: "same-origin" })
        .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
        .then((data) => {
          cut = data.truncated === true;
          clusters.clearLayers();
          const markers = data.features.map((feature) => {
            const [lng, lat] = feature.geometry.coordinates;
            return L.marker([lat, lng], { alt: feature.properties.title })
              .bindPopup(() => popup(feature));
          });
          clusters.addLayers(markers);
          element.dataset.loaded = String(markers.length);
          if (first && markers.length > 0) {
            map.fitBounds(clusters.getBounds(), { maxZoom: 16, padding: [20, 20] });
          }

          first = false;
        })
        .catch(() => {
          element.dataset.loaded = "error";
        });
    };

    let timer = 0;
    map.on("moveend", () => {
      if (cut) {
        clearTimeout(timer);
        timer = setTimeout(() => load(map.getBounds()), 400);
      }
    });
    load(null);
  };

  document.querySelectorAll("[data-place-picker]").forEach(pickPoint);
  if (!window.L) {
    return;
  }

  document.querySelectorAll("[data-map=point]").forEach(showPoint);
  if (L.markerClusterGroup) {
    document.querySelectorAll("[data-map=reports]").forEach(showReports);
  }
})();
