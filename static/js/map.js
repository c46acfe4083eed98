// Maps of case studies, drawn with Leaflet (shipped in static/vendor/leaflet) on
// OpenStreetMap tiles. Progressive enhancement: without JavaScript the page offers the
// list and the GeoJSON download instead.
(function () {
  "use strict";
  if (!window.L || !window.fetch) { return; }

  function say(element, text) {
    var status = element.parentNode.querySelector("[data-map-status]");
    if (status) { status.textContent = text; }
  }

  function popup(properties) {
    var box = document.createElement("div");
    var link = document.createElement("a");
    link.href = properties.url;
    link.textContent = properties.title;
    var title = document.createElement("strong");
    title.appendChild(link);
    box.appendChild(title);
    var details = [properties.place_name, properties.homes_total ? properties.homes_total + " homes" : ""]
      .filter(Boolean).join(" · ");
    if (details) {
      var line = document.createElement("p");
      line.textContent = details;
      box.appendChild(line);
    }
    return box;
  }

  // The deprivation layer: the user picks none, 10% or 30% with ordinary radio buttons
  // (so it works by keyboard); each is fetched once and kept, under the markers.
  function enableLayers(map, element) {
    var controls = document.querySelector("[data-map-layers]");
    if (!controls || controls.getAttribute("data-ready")) { return; }
    controls.setAttribute("data-ready", "true");
    controls.hidden = false;
    var loaded = {};
    var shown = null;
    var attribution = element.getAttribute("data-layer-attribution") || "";
    function show(url) {
      if (shown) { map.removeLayer(shown); shown = null; }
      if (!url) { say(element, "No deprivation shading."); return; }
      var ready = loaded[url] ? Promise.resolve(loaded[url]) : fetch(url, { headers: { Accept: "application/geo+json" } })
        .then(function (response) {
          if (!response.ok) { throw new Error(response.status); }
          return response.json();
        })
        .then(function (data) {
          loaded[url] = L.geoJSON(data, {
            interactive: false,
            attribution: attribution,
            style: function () { return { className: "map__deprived", weight: 0.5, fillOpacity: 0.45 }; }
          });
          return loaded[url];
        });
      say(element, "Loading the deprivation shading…");
      ready.then(function (layer) {
        shown = layer.addTo(map);
        layer.bringToBack();
        say(element, "Shading the most deprived neighbourhoods of each nation.");
        controls.setAttribute("data-shown", url);
      }).catch(function () {
        say(element, "The deprivation shading could not be loaded.");
      });
    }
    controls.addEventListener("change", function (event) {
      if (event.target.name === "deprivation-layer") { show(event.target.value); }
    });
  }

  function draw(element) {
    if (element.getAttribute("data-ready")) { return; }
    element.setAttribute("data-ready", "true");
    var map = L.map(element, { scrollWheelZoom: false }).setView([54.2, -2.6], 6);
    L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
      maxZoom: 18,
      attribution: "&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a> contributors"
    }).addTo(map);
    say(element, "Loading the case studies onto the map…");
    fetch(element.getAttribute("data-geojson"), { headers: { Accept: "application/geo+json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.json();
      })
      .then(function (data) {
        var layer = L.geoJSON(data, {
          pointToLayer: function (feature, latlng) {
            return L.marker(latlng, { title: feature.properties.title, alt: feature.properties.title, keyboard: true });
          },
          onEachFeature: function (feature, marker) { marker.bindPopup(popup(feature.properties)); }
        }).addTo(map);
        enableLayers(map, element);
        var count = layer.getLayers().length;
        if (count) { map.fitBounds(layer.getBounds(), { padding: [24, 24], maxZoom: 11 }); }
        say(element, count === 1 ? "1 case study on the map." : count + " case studies on the map.");
      })
      .catch(function () {
        say(element, "The map could not be loaded. The list has every case study.");
      });
  }

  document.querySelectorAll("[data-map]").forEach(function (element) {
    var panel = element.closest("details");
    if (!panel) { draw(element); return; }
    if (panel.open) { draw(element); }
    panel.addEventListener("toggle", function () {
      if (panel.open) { draw(element); window.setTimeout(function () { window.dispatchEvent(new Event("resize")); }, 50); }
    });
  });
})();
