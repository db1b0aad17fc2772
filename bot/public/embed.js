/* One-line embed: <script src="https://BOT/webchat/embed.js" data-accent="#0f6cbd" data-theme="dark" async></script>
   adds an iframe with the bot's chat page right after the script tag. No data, no cookies, nothing else. */
/* global document, URL, URLSearchParams */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var origin = new URL(script.src).origin;
  var params = new URLSearchParams({ embed: '1' });
  ['accent', 'theme', 'title'].forEach(function (name) {
    var value = script.getAttribute('data-' + name);
    if (value) params.set(name, value);
  });
  var height = script.getAttribute('data-height') || '600px';
  if (!/^\d{2,4}(px|vh|%)$/.test(height)) height = '600px';
  var frame = document.createElement('iframe');
  frame.src = origin + '/chat?' + params.toString();
  frame.title = script.getAttribute('data-title') || 'Support chat';
  frame.setAttribute('allow', 'clipboard-write');
  frame.style.width = '100%';
  frame.style.height = height;
  frame.style.border = '0';
  script.parentNode.insertBefore(frame, script.nextSibling);
})();
