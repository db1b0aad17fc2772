/* The /chat page: gets a Direct Line token from the bot, then renders Bot Framework Web Chat with the page's theme.
   Settings come from the server as JSON in #webchat-config; nothing secret is ever in this page. */
/* global window, document, fetch, sessionStorage, navigator, URL */
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('webchat-config').textContent);
  var statusEl = document.getElementById('chat-status');
  var host = document.getElementById('webchat');
  var SESSION_KEY = 'iis-support-chat-session';

  function setStatus(text, isError) {
    statusEl.textContent = text;
    statusEl.className = 'chat-status' + (isError ? ' error' : '') + (text ? '' : ' hidden');
  }

  function formatBytes(n) {
    return n >= 1048576 ? (n / 1048576).toFixed(1) + ' MB' : Math.round(n / 1024) + ' KB';
  }

  // A session survives a reload of the tab while its token has at least five minutes left.
  function savedSession() {
    try {
      var s = JSON.parse(sessionStorage.getItem(SESSION_KEY) || 'null');
      return s && s.expiresAt - Date.now() > 5 * 60 * 1000 ? s : null;
    } catch (err) {
      console.warn('Ignoring an unreadable saved chat session:', err);
      sessionStorage.removeItem(SESSION_KEY);
      return null;
    }
  }

  function newSession() {
    return fetch(config.tokenUrl, { method: 'POST', headers: { accept: 'application/json' } }).then(
      function (res) {
        return res.json().then(function (body) {
          if (!res.ok) throw new Error(body.message || 'HTTP ' + res.status);
          body.expiresAt = Date.now() + body.expiresIn * 1000;
          sessionStorage.setItem(SESSION_KEY, JSON.stringify(body));
          body.fresh = true;
          return body;
        });
      },
    );
  }

  // Files over the channel's cap are refused here, with the reason, instead of failing as "Send failed".
  function uploadGuard(store) {
    return function (next) {
      return function (action) {
        if (action.type === 'WEB_CHAT/SEND_MESSAGE' && action.payload && action.payload.attachments) {
          var big = action.payload.attachments.filter(function (a) {
            return a.blob && a.blob.size > config.maxUploadBytes;
          });
          if (big.length) {
            var name = big[0].blob.name || 'The file';
            store.dispatch({
              type: 'WEB_CHAT/SET_NOTIFICATION',
              payload: {
                id: 'upload-too-large',
                level: 'error',
                message:
                  name +
                  ' is ' +
                  formatBytes(big[0].blob.size) +
                  '; uploads are limited to ' +
                  formatBytes(config.maxUploadBytes) +
                  ' per file. Zip it (FailedReqLogFiles folders compress well) or send only the failing fr*.xml trace.',
              },
            });
            return undefined;
          }
        }
        return next(action);
      };
    };
  }

  function styleOptions() {
    var dark = config.mode === 'dark';
    return {
      accent: config.accent,
      bubbleFromUserBackground: config.accent,
      bubbleFromUserTextColor: '#ffffff',
      bubbleBackground: dark ? '#2b2b2b' : '#f3f3f3',
      bubbleTextColor: dark ? '#f5f5f5' : '#1b1b1b',
      backgroundColor: dark ? '#1f1f1f' : '#ffffff',
      sendBoxBackground: dark ? '#2b2b2b' : '#ffffff',
      sendBoxTextColor: dark ? '#f5f5f5' : '#1b1b1b',
      suggestedActionBorderColor: config.accent,
      suggestedActionTextColor: config.accent,
      hideUploadButton: false,
      botAvatarInitials: 'IIS',
      userAvatarInitials: 'You',
      rootHeight: '100%',
    };
  }

  function start(session) {
    var WebChat = window.WebChat;
    var options = { token: session.token, webSocket: session.webSocket, pollingInterval: 1000 };
    if (session.domain)
      options.domain = new URL(session.domain, window.location.href).toString().replace(/\/+$/, '');
    // Resuming a saved session: reconnect to its conversation instead of starting a new one.
    if (!session.fresh) options.conversationId = session.conversationId;
    var directLine = WebChat.createDirectLine(options);
    var store = WebChat.createStore({}, function (s) {
      return uploadGuard(s);
    });
    directLine.connectionStatus$.subscribe(function (status) {
      // 2 = Online, 3 = ExpiredToken, 4 = FailedToConnect, 5 = Ended
      if (status === 2) setStatus('', false);
      else if (status === 3 || status === 5) {
        sessionStorage.removeItem(SESSION_KEY);
        setStatus('The conversation ended. Reload the page to start a new one.', true);
      } else if (status === 4)
        setStatus('Cannot reach the chat service. Check the connection and reload.', true);
    });
    WebChat.renderWebChat(
      {
        directLine: directLine,
        store: store,
        userID: session.userId,
        username: 'You',
        locale: navigator.language || 'en-US',
        styleOptions: styleOptions(),
      },
      host,
    );
  }

  if (config.unavailable) {
    setStatus(config.unavailable, true);
    return;
  }
  var saved = savedSession();
  (saved ? Promise.resolve(saved) : newSession()).then(start, function (err) {
    setStatus('The chat could not start: ' + err.message, true);
  });
})();
