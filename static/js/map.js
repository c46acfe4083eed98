// Maps of case studies, drawn with Leaflet (static/vendor/leaflet) and clustered with
// Leaflet.markercluster (static/vendor/leaflet.markercluster), on the tiles the settings
// name (MAP_TILES_URL, passed in data-tiles-url). Progressive enhancement: without
// JavaScript the map box stays hidden and the page offers its list instead.
(function () {
  "use strict";
  if (!window.L || !window.fetch) { return; }

  function say(element, text) {
    var status = element.parentNode.querySelector("[data-map-status]");
    if (status) { status.textContent = text; }
  }

  function plural(count, one, many) { return count + " " + (count === 1 ? one : many); }

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

  // The site's own pin: a 32 px target (WCAG 2.2 asks for 24), named by its title.
  var pin = L.divIcon({
    className: "map-pin",
    html: "<span class=\"map-pin__head\"></span>",
    iconSize: [32, 32],
    iconAnchor: [16, 30],
    popupAnchor: [0, -28]
  });

  function clusterIcon(cluster) {
    var count = cluster.getChildCount();
    var size = count < 10 ? 36 : count < 100 ? 44 : 52;
    return L.divIcon({
      className: "map-cluster",
      html: "<span aria-hidden=\"true\">" + count + "</span>" +
        "<span class=\"visually-hidden\">" + count + " case studies here: zoom in</span>",
      iconSize: [size, size]
    });
  }

  function markers(data, map) {
    var group = L.markerClusterGroup
      ? L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 44, iconCreateFunction: clusterIcon })
      : L.featureGroup();
    L.geoJSON(data, {
      pointToLayer: function (feature, latlng) {
        return L.marker(latlng, { icon: pin, title: feature.properties.title, keyboard: true });
      },
      onEachFeature: function (feature, marker) { marker.bindPopup(popup(feature.properties)); }
    }).eachLayer(function (marker) { group.addLayer(marker); });
    // A cluster opened with Enter zooms in and leaves the focus on the map (the plugin
    // does so), so the next Tab reaches the markers it opened.
    return group.addTo(map);
  }

  // The list beside the map shows what is in view, and says how many that is.
  function followView(map, element) {
    var list = document.getElementById(element.getAttribute("data-map-list") || "");
    if (!list) { return; }
    var items = list.querySelectorAll("[data-lat]");
    var status = document.querySelector("[data-map-list-status]");
    var reset = document.querySelector("[data-map-list-reset]");
    function update() {
      var bounds = map.getBounds();
      var shown = 0;
      items.forEach(function (item) {
        var inside = bounds.contains([parseFloat(item.getAttribute("data-lat")), parseFloat(item.getAttribute("data-lng"))]);
        item.hidden = !inside;
        if (inside) { shown += 1; }
      });
      if (status) {
        status.textContent = shown === items.length
          ? "Listing all " + plural(items.length, "case study", "case studies") + "."
          : "Listing the " + plural(shown, "case study", "case studies") + " in the map's view, of " + items.length + ".";
      }
      if (reset) { reset.hidden = shown === items.length; }
    }
    map.on("moveend", update);
    update();
    return update;
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
    element.hidden = false;
    var map = L.map(element, { scrollWheelZoom: false }).setView([54.2, -2.6], 6);
    var tiles = element.getAttribute("data-tiles-url");
    if (tiles) {
      L.tileLayer(tiles, { maxZoom: 18, attribution: element.getAttribute("data-tiles-attribution") || "" }).addTo(map);
    }
    say(element, "Loading the case studies onto the map…");
    fetch(element.getAttribute("data-geojson"), { headers: { Accept: "application/geo+json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.json();
      })
      .then(function (data) {
        var group = markers(data, map);
        enableLayers(map, element);
        var count = group.getLayers().length;
        var everything = count ? group.getBounds() : null;
        if (everything) { map.fitBounds(everything, { padding: [24, 24], maxZoom: 11 }); }
        followView(map, element);
        var reset = document.querySelector("[data-map-list-reset]");
        if (reset && everything) {
          reset.addEventListener("click", function () { map.fitBounds(everything, { padding: [24, 24], maxZoom: 11 }); });
        }
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
