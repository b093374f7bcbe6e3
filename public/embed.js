/*! Camau embed helper (MIT). Optional: put it on a page that shows Camau in an
 * <iframe data-camau src="…">. It makes each such frame as tall as Camau's content, so the
 * parent scrolls your page rather than a box inside it. Without it the frame still works
 * and scrolls inside itself.
 *
 * Camau (inside the frame) posts these messages to your page:
 *   { type: "camau:height", height: <CSS pixels, a whole number> }  when its height changes
 *   { type: "camau:page" }                                           when it moves to another page
 * A message is used only if it comes from the frame's own window and from the origin in the
 * frame's src. Nothing is sent back to Camau.
 */
(function () {
  'use strict';
  function originOf(frame) {
    try { return new URL(frame.getAttribute('src'), document.baseURI).origin; } catch (e) { return null; }
  }
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || typeof data.type !== 'string') return;
    var frames = document.querySelectorAll('iframe[data-camau]');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source || originOf(frame) !== event.origin) continue;
      if (data.type === 'camau:height') {
        var h = Number(data.height);
        if (isFinite(h) && h > 0 && h < 100000) frame.style.height = Math.ceil(h) + 'px';
      } else if (data.type === 'camau:page') {
        // A new page starts at its top: bring the top of the frame into view if it is above.
        if (frame.getBoundingClientRect().top < 0) frame.scrollIntoView();
      }
      return;
    }
  });
})();
