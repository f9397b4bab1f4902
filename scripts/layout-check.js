// Layout checks that scripts/screenshots.sh injects into a copy of a page and reads back from the dumped DOM.
//
// For every visible heading (h1–h3): the ink of its first line — measured with the canvas text metrics of the
// heading's own font, so the stacked marks of "Ế" or "Ẩ" count — must lie inside the heading's box and below the
// top of the page; otherwise a screen or a printed page cuts the tone marks off ("PHIẾU" read as "PHIÊU").
// For the page: no horizontal scroll (the document no wider than the window).
// The result is a <pre id="layout-check"> holding one line per problem, or "ok"; in a frame it is also posted to
// the parent (Chromium's headless window is never narrower than 500 px, so a 390 px phone is a 390 px frame).
(function () {
  var problems = [];
  var canvas = document.createElement('canvas').getContext('2d');
  var headings = document.querySelectorAll('h1, h2, h3');
  for (var i = 0; i < headings.length; i++) {
    var heading = headings[i];
    var box = heading.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) { continue; }
    var style = getComputedStyle(heading);
    canvas.font = style.fontStyle + ' ' + style.fontWeight + ' ' + style.fontSize + ' ' + style.fontFamily;
    var text = heading.textContent.trim();
    var ascent = canvas.measureText(text).actualBoundingBoxAscent;
    // An empty inline-block's bottom edge sits on the baseline of the line it starts.
    var probe = document.createElement('span');
    probe.style.display = 'inline-block';
    heading.insertBefore(probe, heading.firstChild);
    var baseline = probe.getBoundingClientRect().bottom;
    heading.removeChild(probe);
    var inkTop = baseline - ascent;
    var boxTop = box.top + parseFloat(style.borderTopWidth);
    if (inkTop < boxTop - 0.5 || inkTop + window.scrollY < 0) {
      problems.push('clipped heading: "' + text.slice(0, 60) + '" ink starts ' + (boxTop - inkTop).toFixed(1)
        + ' px above its box');
    }
  }
  var width = document.documentElement.scrollWidth;
  if (width > window.innerWidth + 1) {
    problems.push('horizontal scroll: the page is ' + width + ' px wide in a ' + window.innerWidth + ' px window');
  }
  var out = document.createElement('pre');
  out.id = 'layout-check';
  out.textContent = problems.length ? problems.join('\n') : 'ok';
  document.body.appendChild(out);
  if (window.parent !== window) { window.parent.postMessage('layout-check:' + out.textContent, '*'); }
})();
