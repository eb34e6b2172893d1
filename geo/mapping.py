"""Draw events on a Folium map that works with no network.

Leaflet and its plugins are vendored (``static/``): served by Streamlit in the dashboard, inlined in exports.
The basemap (Natural Earth country borders and coastlines) is vendored too; online tiles are an option.

Everything a report said reaches the page through :func:`safe_html` or as JSON data, never as markup or code.
"""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass

import folium
from branca.element import Element, MacroElement
from folium.elements import JSCSSMixin
from jinja2 import Template

from geo.assets import asset_url
from geo.confidence import ADMIRALTY_LABELS, RELIABILITY_LABELS
from geo.escape import html_text as safe_html
from geo.escape import inert_json
from geo.fusion import Fact, fuse
from geo.model import Event, Kind
from geo.symbols import symbol_svg, unit_sidc

# Colour and line style by Admiralty credibility: line style repeats what colour says, for greyscale print
# and for colour-blind readers.
STYLE = {
    1: {"color": "#08306b", "dash": None, "label": ADMIRALTY_LABELS[1]},
    2: {"color": "#2171b5", "dash": None, "label": ADMIRALTY_LABELS[2]},
    3: {"color": "#e6550d", "dash": "10 6", "label": ADMIRALTY_LABELS[3]},
    4: {"color": "#a63603", "dash": "4 6", "label": ADMIRALTY_LABELS[4]},
    5: {"color": "#7f2704", "dash": "2 6", "label": ADMIRALTY_LABELS[5]},
    6: {"color": "#6a51a3", "dash": "12 4 2 4", "label": ADMIRALTY_LABELS[6]},
    None: {"color": "#636363", "dash": "1 5", "label": "No confidence stated"},
}

TILES = {
    "offline": None,
    "osm": ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "© OpenStreetMap contributors"),
}


def date_text(e: Event) -> str:
    if e.start is None:
        return "date unknown"
    s = e.start.isoformat() if e.precision.value == "day" else f"{e.start.isoformat()} ({e.precision.value})"
    return f"{s} – {e.end.isoformat()}" if e.end and e.end != e.start else s


def strength_text(e: Event) -> str:
    if e.strength is None:
        return "not stated"
    return f"{'about ' if e.strength_approx else ''}{e.strength:,}".replace(",", " ")


def confidence_text(e: Event) -> str:
    """The Admiralty digit and its meaning, the source's own words, and the source's reliability if given."""
    conf = STYLE.get(e.confidence, STYLE[None])["label"]
    text = f"{e.confidence} – {conf}" if e.confidence else conf
    if e.confidence_label and e.confidence_label != str(e.confidence):
        text += f" (source: “{e.confidence_label}”)"
    if e.reliability:
        text += f"; source reliability {e.reliability} – {RELIABILITY_LABELS.get(e.reliability, '')}"
    return text


def _report_link(report_id: str, sources_url: str | None) -> str:
    link = safe_html(report_id)
    if sources_url:
        href = safe_html(f"{sources_url}?report={urllib.parse.quote(report_id, safe='')}")
        # a new tab: the map runs in a sandboxed frame that may not navigate the page it sits in
        link = f'<a href="{href}" target="_blank" rel="noopener">{link}</a>'
    return link


def _voices_html(title: str, events: Sequence[Event], sources_url: str | None) -> str:
    items = []
    for x in events:
        said = f"{x.source or 'source not stated'}, {date_text(x)}, {confidence_text(x)}"
        link = f" ({_report_link(x.report_id, sources_url)})" if x.report_id else ""
        items.append(f"<li>{safe_html(said)}{link}</li>")
    return f'<div class="tm-voices"><b>{safe_html(title)}</b><ul>{"".join(items)}</ul></div>'


def popup_html(e: Event, sources_url: str | None = "/Sources", fact: Fact | None = None) -> str:
    """The card shown when a feature is clicked. Every value is escaped here, once.

    With a ``fact`` (several reports telling of one movement), the card says how sure the fact is, which
    sources told it and which deny it."""
    where = (e.place.name or e.place.mention) if e.place else "?"
    if e.kind is Kind.MOVEMENT and e.origin:
        where = f"{e.origin.name or e.origin.mention} → {where}"
    flags = []
    for p in (e.origin, e.place):
        if p and p.status == "ambiguous":
            flags.append(f"“{p.mention}” is ambiguous: {len(p.candidates) + 1} places bear the name")
        if p and p.uncertainty_km:
            flags.append(f"“{p.mention}” is approximate (±{p.uncertainty_km:g} km)")
    sure = confidence_text(e)
    if fact is not None and fact.corroborated:
        sure = f"1 – {ADMIRALTY_LABELS[1]} ({fact.independent_sources} independent sources agree)"
    elif fact is not None and fact.confidence != e.confidence:
        sure = f"{fact.confidence} – {ADMIRALTY_LABELS.get(fact.confidence, '')} (one source's own word)"
    rows = [
        ("What", f"{e.kind.value}: {where}"),
        ("When", date_text(e)),
        ("Unit", e.unit or "not stated"),
        ("Strength", strength_text(e)),
        ("Confidence", sure),
        ("Source", e.source or "not stated"),
    ]
    body = "".join(f"<tr><th>{safe_html(k)}</th><td>{safe_html(v)}</td></tr>" for k, v in rows)
    if e.report_id:
        body += f"<tr><th>Report</th><td>{_report_link(e.report_id, sources_url)}</td></tr>"
    quote = f'<blockquote class="tm-evidence">{safe_html(e.evidence)}</blockquote>' if e.evidence else ""
    notes = "".join(f'<div class="tm-flag">{safe_html(f)}</div>' for f in flags)
    voices = ""
    if fact is not None and len(fact.events) > 1:
        voices += _voices_html(f"Told by {len(fact.events)} reports", fact.events, sources_url)
    if fact is not None and fact.denials:
        voices += _voices_html("Denied by", fact.denials, sources_url)
    return f'<div class="tm-popup"><table>{body}</table>{quote}{voices}{notes}</div>'


def _feature(e: Event, sources_url: str | None, with_symbol: bool = False, fact: Fact | None = None) -> dict | None:
    """One event (or the fact it stands for) as the small record the browser draws (all text already escaped)."""
    p, o = e.place, e.origin
    if not (p and p.resolved):
        return None
    rec = {
        "k": "m" if e.kind is Kind.MOVEMENT and o and o.resolved else "p",
        "to": [round(p.lat, 5), round(p.lon, 5)],
        "c": (fact.confidence if fact is not None else e.confidence) or 0,
        "t": e.start.isoformat() if e.start else None,
        "u": e.end.isoformat() if e.end else (e.start.isoformat() if e.start else None),
        "pop": popup_html(e, sources_url, fact),
        "tip": safe_html(
            f"{e.label} · {date_text(e)}" + (f" · {len(fact.events)} reports" if fact and len(fact.events) > 1 else "")
        ),
    }
    if rec["k"] == "m":
        rec["from"] = [round(o.lat, 5), round(o.lon, 5)]
    elif with_symbol and (sidc := unit_sidc(e.unit)):
        rec["sym"] = symbol_svg(sidc, strength_text(e) if e.strength else "")
    radius = max((q.uncertainty_km or 0) for q in (p, o) if q)
    if p.uncertainty_km:
        rec["r"] = p.uncertainty_km * 1000
    if p.status == "ambiguous" or radius:
        rec["q"] = 1  # drawn hollow: the place is not certain
    return rec


_EVENTS_JS = r"""
{% macro script(this, kwargs) %}
(function() {
  var map = {{ this._parent.get_name() }};
  var styles = {{ this.styles_json }};
  var data = {{ this.data_json }};
  var lines = L.featureGroup().addTo(map);
  var areas = L.featureGroup().addTo(map);
  var points = ({{ this.cluster_json }} && L.markerClusterGroup
                ? L.markerClusterGroup({maxClusterRadius: 30, showCoverageOnHover: false})
                : L.featureGroup()).addTo(map);
  var symbols = L.featureGroup().addTo(map);
  var drawn = [];
  // an aggregate's card is put together here from its two lines of text, both escaped as HTML in Python: sent
  // as markup, thousands of cards were most of the page
  function popup(d) { return d.pop || '<div class="tm-popup"><b>' + d.tip + '</b><br>' + d.w + '</div>'; }
  // thousands of features draw far faster on one canvas; a few stay SVG (crisp, and testable in the DOM)
  var renderer = data.length > 500 ? L.canvas({padding: 0.2}) : undefined;
  data.forEach(function(d) {
    var s = styles[d.c] || styles[0];
    var layers = [];
    if (d.r) {
      layers.push([areas, L.circle(d.to, {radius: d.r, color: s.color, weight: 1, dashArray: "4 4",
                                          fillOpacity: 0.08, interactive: false})]);
    }
    if (d.k === "m") {
      // a record with n stands for n events (geo.aggregates): the line widens and the dot grows with the count
      var line = L.polyline([d.from, d.to], {color: s.color, weight: d.n ? Math.min(2 + 1.2 * Math.log2(d.n), 12) : 3.5,
                                             opacity: 0.9, dashArray: s.dash, className: "tm-movement",
                                             renderer: renderer});
      line.bindPopup(popup(d), {maxWidth: 360}).bindTooltip(d.tip, {sticky: true});
      layers.push([lines, line]);
      if (L.polylineDecorator && data.length <= 1500) {  // an arrowhead is an SVG layer of its own
        layers.push([lines, L.polylineDecorator(line, {patterns: [{offset: "100%", repeat: 0,
          symbol: L.Symbol.arrowHead({pixelSize: 14, polygon: true,
                                      pathOptions: {color: s.color, fillOpacity: 1, weight: 0}})}]})]);
      }
      layers.push([points, L.circleMarker(d.from, {radius: 4, color: s.color, weight: 1, fillOpacity: 0.6,
                                                   renderer: renderer})
                              .bindTooltip(d.tip)]);
    }
    var dot = L.circleMarker(d.to, {radius: d.n ? Math.min(5 + 1.5 * Math.log2(d.n), 22) : 7, color: s.color,
                                    weight: 2.5, fillColor: s.color,
                                    fillOpacity: d.q ? 0.15 : 0.85, className: "tm-presence",
                                    renderer: renderer});
    dot.bindPopup(popup(d), {maxWidth: 360}).bindTooltip(d.tip);
    layers.push([points, dot]);
    if (d.sym) {  // the unit's APP-6 symbol, standing on its confidence-coloured dot
      var icon = L.divIcon({html: d.sym, className: "tm-symbol", iconSize: null, iconAnchor: [0, 0]});
      var symbol = L.marker(d.to, {icon: icon, keyboard: false});
      symbol.bindPopup(popup(d), {maxWidth: 360}).bindTooltip(d.tip);
      layers.push([symbols, symbol]);
    }
    drawn.push({d: d, layers: layers});
  });
  function show(until) {
    // collect, then add or remove in bulk: the cluster group re-clusters once, not once per marker
    var add = new Map(), remove = new Map();
    drawn.forEach(function(x) {
      var on = until === null || !x.d.t || x.d.t <= until;
      x.layers.forEach(function(pair) {
        var has = pair[0].hasLayer(pair[1]);
        var into = on && !has ? add : (!on && has ? remove : null);
        if (into) { if (!into.has(pair[0])) into.set(pair[0], []); into.get(pair[0]).push(pair[1]); }
      });
    });
    add.forEach(function(list, group) {
      if (group.addLayers) group.addLayers(list); else list.forEach(function(l) { group.addLayer(l); });
    });
    remove.forEach(function(list, group) {
      if (group.removeLayers) group.removeLayers(list); else list.forEach(function(l) { group.removeLayer(l); });
    });
  }
  var labels = L.featureGroup().addTo(map);
  var placed = [];  // busiest place first (the server's order): it keeps its label when two would meet
  {{ this.labels_json }}.forEach(function(l) {
    var t = L.tooltip({permanent: true, direction: "right", offset: [20, 0], className: "tm-label"})
      .setLatLng(l.at).setContent(l.name);
    labels.addLayer(t); placed.push(t);
  });
  // labels give way: after each zoom or pan, a label that would cover a busier place's label or a cluster's
  // count is hidden (it comes back when zooming in makes room)
  function declutter() {
    var taken = Array.from(map.getContainer().querySelectorAll(".marker-cluster")).map(function(el) {
      return el.getBoundingClientRect(); });
    placed.forEach(function(t) {
      var el = t.getElement(); if (!el) return;
      el.style.visibility = "";
      var r = el.getBoundingClientRect();
      var hit = taken.some(function(o) {
        return r.left < o.right && o.left < r.right && r.top < o.bottom && o.top < r.bottom; });
      if (hit) { el.style.visibility = "hidden"; } else { taken.push(r); }
    });
  }
  map.on("zoomend moveend", function() { setTimeout(declutter, 0); });
  show(null);
  setTimeout(declutter, 0);
  window.troopmapDeclutter = declutter;
  var dates = Array.from(new Set(data.map(function(d) { return d.t; }).filter(Boolean))).sort();
  if ({{ this.time_control_json }} && dates.length > 1) {
    var Ctl = L.Control.extend({options: {position: "bottomleft"}, onAdd: function() {
      var div = L.DomUtil.create("div", "tm-time leaflet-bar");
      var btn = L.DomUtil.create("button", "", div); btn.type = "button"; btn.textContent = "▶";
      btn.title = "Play the events through time";
      var range = L.DomUtil.create("input", "", div); range.type = "range"; range.min = 0;
      range.max = dates.length; range.value = dates.length;
      var label = L.DomUtil.create("span", "", div); label.textContent = "all dates";
      function set(i, keep) { range.value = i; var until = i >= dates.length ? null : dates[i];
        label.textContent = until ? "up to " + until : "all dates"; show(until);
        if (!keep) remember(until); }
      // the time position lives in the page's URL (t=DATE), so a shared link opens at the same moment;
      // the map runs in a same-origin frame of the dashboard, so the URL is the parent's
      function pageUrl() { try { return new URL(window.parent.location.href); } catch (e) { return null; } }
      var wanted = null;  // the t the control last chose ("" for all dates), once someone has moved it
      function remember(until) { wanted = until || ""; write(); }
      function write() {
        var u = pageUrl(); if (!u || wanted === null || (u.searchParams.get("t") || "") === wanted) return;
        if (wanted) u.searchParams.set("t", wanted); else u.searchParams.delete("t");
        try { window.parent.history.replaceState(window.parent.history.state, "", u.toString()); } catch (e) {}
      }
      // Streamlit rewrites the page's URL from its own copy of the query (when the map pans, say), which
      // still holds the t the page was opened with: put the control's back
      setInterval(write, 500);
      var timer = null;
      range.oninput = function() { set(+range.value); };
      btn.onclick = function() {
        if (timer) { clearInterval(timer); timer = null; btn.textContent = "▶"; return; }
        var i = 0; set(0); btn.textContent = "❚❚";
        timer = setInterval(function() { i += 1; set(i); if (i >= dates.length) { clearInterval(timer);
          timer = null; btn.textContent = "▶"; } }, 900);
      };
      L.DomEvent.disableClickPropagation(div);
      var asked = pageUrl() && pageUrl().searchParams.get("t");
      if (asked && /^\d{4}-\d{2}-\d{2}$/.test(asked)) {
        var k = dates.findIndex(function(d) { return d > asked; });
        set(k < 0 ? dates.length : Math.max(0, k - 1), true);
      }
      return div;
    }});
    new Ctl().addTo(map);
  }
  window.troopmapDrawn = drawn.length;
})();
{% endmacro %}
"""


class EventLayer(JSCSSMixin):
    """All events as one JSON payload drawn by one small script: compact for 10k events, one place to escape."""

    _template = Template(_EVENTS_JS)

    def __init__(
        self, records: list[dict], labels: list[dict], inline: bool, time_control: bool = True, cluster: bool = True
    ):
        super().__init__()
        self._name = "EventLayer"
        styles = {str(k or 0): {"color": v["color"], "dash": v["dash"]} for k, v in STYLE.items()}
        # report text reaches the script only as inert JSON: branca renders the script's output through Jinja a
        # second time, so text that is pasted in must hold no {{ }}, {% %} or {# #} (see geo.escape.inert_json)
        self.data_json, self.labels_json, self.styles_json = inert_json(records), inert_json(labels), inert_json(styles)
        self.cluster_json, self.time_control_json = inert_json(cluster), inert_json(time_control)
        self.default_js = [
            ("markercluster", asset_url("leaflet.markercluster.js", inline)),
            ("polylinedecorator", asset_url("leaflet.polylineDecorator.js", inline)),
        ]
        self.default_css = [
            ("markercluster_css", asset_url("MarkerCluster.css", inline)),
            ("markercluster_default_css", asset_url("MarkerCluster.Default.css", inline)),
        ]


_BASEMAP_JS = """
{% macro script(this, kwargs) %}
(function() {
  var map = {{ this._parent.get_name() }};
  map.createPane("basemap"); map.getPane("basemap").style.zIndex = 250;
  var style = {pane: "basemap", interactive: false,
               style: {color: "#8a8f96", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: 1}};
  {% if this.data %}
  L.geoJSON({{ this.data }}, style).addTo(map);
  {% else %}
  fetch({{ this.url|tojson }}).then(function(r) { return r.json(); })
    .then(function(d) { L.geoJSON(d, style).addTo(map); });
  {% endif %}
})();
{% endmacro %}
"""


class OfflineBasemap(MacroElement):
    """Natural Earth 1:50m countries (land, borders, coastlines) drawn under everything, no tiles needed."""

    _template = Template(_BASEMAP_JS)

    def __init__(self, inline: bool):
        super().__init__()
        self._name = "OfflineBasemap"
        from geo.assets import asset_path

        self.data = asset_path("countries-50m.geojson").read_text(encoding="utf-8") if inline else None
        self.url = asset_url("countries-50m.geojson", inline=False)


CSS = """
<style>
div.leaflet-container { background: #cfe0ee; font: 13px/1.35 "Helvetica Neue", Arial, sans-serif; }
.tm-popup table { border-collapse: collapse; } .tm-popup th { text-align: left; padding: 1px 8px 1px 0;
  color: #555; vertical-align: top; font-weight: 600; } .tm-popup td { padding: 1px 0; }
.tm-evidence { margin: 6px 0 0; padding: 4px 8px; border-left: 3px solid #bbb; color: #333; font-style: italic; }
.tm-flag { color: #a63603; margin-top: 4px; }
/* clusters in neutral greys: their default green/yellow/orange read as confidence colours */
.marker-cluster-small, .marker-cluster-medium, .marker-cluster-large { background-color: rgba(90, 98, 110, 0.25); }
.marker-cluster-small div, .marker-cluster-medium div, .marker-cluster-large div {
  background-color: rgba(70, 78, 90, 0.8); color: #fff; font-weight: 600; }
.tm-voices { margin-top: 6px; } .tm-voices ul { margin: 2px 0 0; padding-left: 18px; }
.tm-legend, .tm-title { background: rgba(255,255,255,0.92); padding: 8px 10px; border-radius: 4px;
  box-shadow: 0 1px 4px rgba(0,0,0,0.3); color: #222; }
.tm-legend summary { cursor: pointer; } .tm-legend[open] summary { margin-bottom: 4px; }
.tm-legend .row { display: flex; align-items: center; gap: 8px; margin: 2px 0; white-space: nowrap; }
.tm-title h1 { font-size: 18px; margin: 0 0 2px; } .tm-title div { font-size: 12px; color: #444; }
.tm-title .tm-class { font-weight: 700; color: #b00; letter-spacing: 0.05em; }
.leaflet-tooltip.tm-label { background: rgba(255,255,255,0.75); border: 0; box-shadow: none; padding: 0 3px;
  font-weight: 600; color: #222; font-size: 12px; } .leaflet-tooltip.tm-label::before { display: none; }
.tm-symbol svg { position: absolute; transform: translate(-50%, calc(-100% - 6px)); }
.tm-time { background: #fff; padding: 4px 6px; display: flex; gap: 6px; align-items: center; }
.tm-time button { border: 0; background: #eee; cursor: pointer; width: 28px; height: 22px; }
.tm-time input { width: 180px; }
</style>
"""


def legend_html(opened: bool = True) -> str:
    """The confidence legend, as a box that folds to its title (folded on the dashboard, open on images)."""
    rows = []
    for k, s in STYLE.items():
        dash = f'stroke-dasharray="{s["dash"]}"' if s["dash"] else ""
        label = f"{k} – {s['label']}" if k else s["label"]
        rows.append(
            f'<div class="row"><svg width="36" height="10"><line x1="0" y1="5" x2="36" y2="5" stroke="{s["color"]}"'
            f' stroke-width="3.5" {dash}/></svg><span>{safe_html(label)}</span></div>'
        )
    rows.append(
        '<div class="row"><svg width="36" height="14"><circle cx="18" cy="7" r="6" fill="none" '
        'stroke="#636363" stroke-width="2"/></svg><span>Hollow: place approximate or ambiguous</span></div>'
    )
    return (
        f'<details class="tm-legend"{" open" if opened else ""}><summary><b>Confidence (Admiralty)</b></summary>'
        + "".join(rows)
        + "</details>"
    )


class Overlay(MacroElement):
    """A fixed box (legend, title) in a map corner, as a Leaflet control so it prints with the map."""

    _template = Template("""
{% macro script(this, kwargs) %}
(function() {
  var Box = L.Control.extend({options: {position: {{ this.position_json }}}, onAdd: function() {
    var div = L.DomUtil.create("div", ""); div.innerHTML = {{ this.html_json }};
    L.DomEvent.disableClickPropagation(div); return div; }});
  new Box().addTo({{ this._parent.get_name() }});
})();
{% endmacro %}
""")

    def __init__(self, html_text: str, position: str):
        super().__init__()
        self._name = "Overlay"
        self.html_json, self.position_json = inert_json(html_text), inert_json(position)


@dataclass(frozen=True)
class MapOptions:
    inline: bool = False  # True: every script inlined (exports); False: served from /app/static/ (dashboard)
    tiles: str = "offline"  # "offline", "osm" or a tile URL template of an internal tile server
    title: str | None = None
    subtitle: str | None = None
    classification: str | None = None
    time_control: bool = True
    interactive: bool = True  # False for images: no zoom buttons, no clustering (every event is drawn)
    sources_url: str | None = "/Sources"
    center: tuple[float, float] | None = None
    zoom: int | None = None


def event_records(events: Sequence[Event], sources_url: str | None = "/Sources", with_symbols: bool = True) -> list:
    """The records the map's script draws: one per fact (events of several reports that tell of one movement
    are fused, see geo.fusion), drawn where its best-stated event says (every text already escaped)."""
    facts = fuse(events)
    return [r for r in (_feature(f.event, sources_url, with_symbols, f) for f in facts) if r]


def build_map(
    events: Sequence[Event],
    options: MapOptions = MapOptions(),
    *,
    records: list[dict] | None = None,
    labels: list[dict] | None = None,
) -> folium.Map:
    """A Folium map of the events: movements as arrows, presences as clustered dots, all by confidence.

    ``records`` and ``labels``, when given, are drawn instead of the events': records made beforehand (and cached)
    by :func:`event_records` or, for a map of many events, by ``geo.aggregates`` (a record with ``n`` stands for
    that many events)."""
    if records is None:
        # unit symbols are DOM elements: drawn for a readable number of events, plain dots beyond that
        records = event_records(events, options.sources_url, len(events) <= MAX_SYMBOLS)
    if labels is None:
        labels = place_labels(events)
    m = folium.Map(
        location=options.center or (45, 100),
        zoom_start=options.zoom or 3,
        tiles=None,
        control_scale=True,
        zoom_control=options.interactive,
        minZoom=2,
        maxZoom=12,
    )
    m.default_js = [("leaflet", asset_url("leaflet.js", options.inline))]
    m.default_css = [("leaflet_css", asset_url("leaflet.css", options.inline))]
    m.get_root().header.add_child(Element(CSS), name="troopmap_css")
    if options.tiles == "offline" or not options.tiles:
        OfflineBasemap(options.inline).add_to(m)
    else:
        url, attr = TILES.get(options.tiles) or (options.tiles, "tiles: " + options.tiles)
        folium.TileLayer(url, attr=attr).add_to(m)
    # clusters count markers: where a marker already stands for many events (aggregates), they would miscount
    cluster = options.interactive and not any("n" in r for r in records)
    EventLayer(records, labels, options.inline, options.time_control, cluster).add_to(m)
    Overlay(legend_html(opened=not options.interactive), "bottomright").add_to(m)
    if options.title or options.classification:
        parts = []
        if options.classification:
            parts.append(f'<div class="tm-class">{safe_html(options.classification)}</div>')
        if options.title:
            parts.append(f"<h1>{safe_html(options.title)}</h1>")
        if options.subtitle:
            parts.append(f"<div>{safe_html(options.subtitle)}</div>")
        Overlay('<div class="tm-title">' + "".join(parts) + "</div>", "topright").add_to(m)
    if not (options.center and options.zoom):
        bounds = _bounds(records)
        if bounds:
            m.fit_bounds(bounds, padding=(30, 30), max_zoom=8)
    return m


MAX_LABELS = 60
MAX_SYMBOLS = 500


def place_labels(events: Sequence[Event]) -> list[dict]:
    """One label per resolved place named by the events (escaped text at a point)."""
    seen: dict[tuple[float, float], str] = {}
    count: dict[tuple[float, float], int] = {}
    for e in events:
        for p in (e.origin, e.place):
            if p and p.resolved:
                k = (round(p.lat, 4), round(p.lon, 4))
                seen.setdefault(k, p.name or p.mention)
                count[k] = count.get(k, 0) + (p is e.place)
    busiest = sorted(seen, key=lambda k: -count[k])[:MAX_LABELS]  # a label for every place of 10,000 is noise
    return [{"at": list(k), "name": safe_html(seen[k] + (f" ({count[k]})" if count[k] > 1 else ""))} for k in busiest]


def _bounds(records: list[dict]) -> list[list[float]] | None:
    pts = [r["to"] for r in records] + [r["from"] for r in records if "from" in r]
    if not pts:
        return None
    lats, lons = [p[0] for p in pts], [p[1] for p in pts]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


def map_html(events: Sequence[Event], options: MapOptions = MapOptions(inline=True), **drawn: list[dict]) -> str:
    """A standalone HTML page: every script and the basemap inlined, so it opens offline. ``drawn``: the
    ``records``/``labels`` of :func:`build_map`."""
    return build_map(events, options, **drawn).get_root().render()


def unmapped(events: Sequence[Event]) -> list[Event]:
    """Events the map cannot draw (no resolved place): listed beside the map, never silently dropped."""
    return [e for e in events if not (e.place and e.place.resolved)]


def payload_size(events: Sequence[Event]) -> int:
    """Bytes of event data sent to the browser (for the benchmark)."""
    return len(json.dumps([r for r in (_feature(e, "/Sources") for e in events) if r]))
