// The room's phone page: sends what the phone does to /api as JSON, and
// waits for the room's news, reloading the page when what it shows is
// stale (never while a MOT is half-typed).
"use strict";
(function () {
  var body = document.body;
  var known = body.getAttribute("data-view");
  var version = Number(body.getAttribute("data-version") || 0);
  var writeForm = document.getElementById("write");

  function show(id, text) {
    var el = document.getElementById(id);
    if (!el) return;
    el.textContent = text || "";
    el.hidden = !text;
  }

  function send(path, data) {
    return fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      credentials: "same-origin",
      body: JSON.stringify(data || {})
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (j) {
        if (!r.ok) {
          if (r.status === 401) { location.reload(); }
          throw new Error(j.error || String(r.status));
        }
        return j;
      });
    });
  }

  function fail(e) { show("error", e.message); }

  function typing() {
    if (!writeForm) return false;
    var fields = writeForm.querySelectorAll("textarea");
    for (var i = 0; i < fields.length; i++) {
      if (fields[i].value.trim() !== "") return true;
    }
    return false;
  }

  // The language: before the phone is let in it is part of the address.
  document.querySelectorAll("[data-lang]").forEach(function (b) {
    b.addEventListener("click", function () {
      var lang = b.getAttribute("data-lang");
      if (!known) { location.href = "/?lang=" + encodeURIComponent(lang); return; }
      send("/api/lang", { lang: lang }).then(function () { location.reload(); }, fail);
    });
  });

  document.querySelectorAll("[data-claim]").forEach(function (b) {
    b.addEventListener("click", function () {
      var id = Number(b.getAttribute("data-claim"));
      send("/api/claim", { participant: id }).then(function () { location.reload(); }, fail);
    });
  });

  var join = document.getElementById("join");
  if (join) {
    join.addEventListener("submit", function (ev) {
      ev.preventDefault();
      send("/api/join", {
        name: join.elements.name.value,
        group: Number(join.elements.group.value)
      }).then(function () { location.reload(); }, fail);
    });
  }

  document.querySelectorAll("[data-leave]").forEach(function (b) {
    b.addEventListener("click", function () {
      send("/api/leave").then(function () { location.reload(); }, fail);
    });
  });

  if (writeForm) {
    var timer = null;
    var text = function () {
      return {
        who: writeForm.elements.who.value,
        situation: writeForm.elements.situation.value,
        feeling: writeForm.elements.feeling.value
      };
    };
    var coach = function () {
      send("/api/check", text()).then(function (j) {
        var list = document.getElementById("advice");
        list.textContent = "";
        (j.advice || []).forEach(function (a) {
          var li = document.createElement("li");
          li.textContent = a;
          list.appendChild(li);
        });
        show("sentence", typing() ? j.sentence : "");
      }, function () {});
    };
    writeForm.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(coach, 400);
    });
    writeForm.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var button = writeForm.querySelector("button[type=submit]");
      button.disabled = true;
      send("/api/mot", text()).then(function () {
        writeForm.reset();
        location.reload();
      }, function (e) { button.disabled = false; fail(e); });
    });
  }

  // Dots go one tap at a time: each count is worked out from the answer
  // to the tap before, so quick taps add up instead of racing.
  var taps = Promise.resolve();
  document.querySelectorAll("[data-mot]").forEach(function (b) {
    b.addEventListener("click", function () {
      var mot = Number(b.getAttribute("data-mot"));
      var step = Number(b.getAttribute("data-step"));
      taps = taps.then(function () {
        var on = document.getElementById("on" + mot);
        var count = Math.max(0, Number(on.textContent) + step);
        show("error", "");
        return send("/api/dots", { mot: mot, count: count }).then(function (j) {
          on.textContent = j.count;
          var left = document.getElementById("left");
          if (left) left.textContent = j.left;
          known = j.view;
        }, fail);
      });
    });
  });

  // News: the server answers when the room changed, or after a while.
  // A change the phone made itself comes back as news too: once its own
  // taps are answered, the page asks again before it reloads, so it never
  // reloads under a tap.
  function fresh(j) {
    version = j.version;
    show("voted", j.voting ? j.voted : "");
    if (j.view === known) return false;
    if (typing()) {
      if (!j.writing) show("banner", j.moved_on);
      return false;
    }
    return true;
  }
  function news(since) {
    var q = since === null ? "" : "?since=" + since;
    return fetch("/api/state" + q, { credentials: "same-origin" }).then(function (r) {
      if (r.status === 401) { location.reload(); return null; }
      return r.json();
    });
  }
  function wait() {
    if (!known) return;
    news(version)
      .then(function (j) {
        if (!j) return null;
        if (!fresh(j)) return false;
        return taps.then(function () { return news(null); }).then(function (again) {
          return again && fresh(again);
        });
      })
      .then(function (stale) {
        if (stale === null) return;
        if (stale) { location.reload(); return; }
        wait();
      })
      .catch(function () { setTimeout(wait, 3000); });
  }
  wait();
})();
