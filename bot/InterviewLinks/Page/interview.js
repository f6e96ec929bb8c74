// The candidate's interview page (bot/InterviewLinks). It talks only to the API bound to its own link:
// - GET  /interview/{token}/messages?after=N[&wait=S]  the conversation after cursor N (long polling with wait);
// - POST /interview/{token}/messages                   an answer: { id, text } or { id, choice, questionId }, plus "after".
// The conversation is drawn from what the bot stored, so reloading, or opening the link on another device days later,
// shows the same conversation and the question that is waiting. Everything from the bot or the candidate is put on the
// page with createElement and textContent, never parsed as HTML (the server's CSP also enforces Trusted Types).
// The page's own words come in the interview's language: the server writes them into the HTML and, for what this script
// says, into the JSON block #page-texts (dialogs/Localization/Texts/*.json, messages "page.*").
"use strict";

(() => {
  const POLL_WAIT_SECONDS = 20;
  const MAX_SEND_ATTEMPTS = 4;
  const COUNTER_FROM = 0.8; // show the character counter from 80% of the limit

  const segments = location.pathname.split("/").filter(Boolean);
  const token = segments.length === 2 && segments[0] === "interview" ? segments[1] : "";
  const api = "/interview/" + encodeURIComponent(token) + "/messages";

  const $ = (id) => document.getElementById(id);

  const TEXTS = (() => {
    try {
      return JSON.parse($("page-texts").textContent || "{}");
    } catch {
      return {};
    }
  })();

  // A page text with its {placeholders} filled in (values are inserted as text, never as markup).
  function t(key, values) {
    let text = typeof TEXTS[key] === "string" ? TEXTS[key] : key;
    for (const [name, value] of Object.entries(values || {})) {
      text = text.split("{" + name + "}").join(String(value));
    }
    return text;
  }
  const ui = {
    chat: $("chat"),
    role: $("role"),
    openUntil: $("open-until"),
    loading: $("loading"),
    log: $("log"),
    typing: $("typing"),
    status: $("status"),
    choices: $("choices"),
    composer: $("composer"),
    answer: $("answer"),
    send: $("send"),
    tools: $("tools"),
    counter: $("counter"),
    help: $("help"),
    pause: $("pause"),
    paused: $("paused"),
    pausedText: $("paused-text"),
    resume: $("resume"),
    closed: $("closed"),
  };

  const state = {
    cursor: -1,
    seen: new Set(), // transcript sequences on the page
    page: null, // the last page state from the server
    sending: false,
    closed: false,
    lastDay: "",
    lastInput: "text", // "text" or "choice": where focus goes when the next question arrives
    firstRead: true,
  };

  // ---- small helpers -------------------------------------------------------------------------------------------------

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function newId() {
    if (window.crypto && typeof window.crypto.randomUUID === "function") {
      return window.crypto.randomUUID();
    }
    const bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  function delay(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  function retryAfter(response, fallback) {
    const seconds = Number.parseInt(response.headers.get("Retry-After") || "", 10);
    return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 120) : fallback;
  }

  function formatDate(iso, withTime) {
    const when = new Date(iso);
    if (Number.isNaN(when.getTime())) {
      return "";
    }
    const options = { weekday: "long", day: "numeric", month: "long" };
    if (withTime) {
      options.hour = "2-digit";
      options.minute = "2-digit";
      options.timeZoneName = "short";
    }
    return when.toLocaleString(document.documentElement.lang || [], options);
  }

  function setStatus(text) {
    ui.status.textContent = text || "";
    ui.status.hidden = !text;
  }

  // ---- the bot's light Markdown: **bold**, *bold*, _italic_, `code`, bullet lines; everything else is text ----------

  const INLINE = /(\*\*[^*\n]+\*\*|`[^`\n]+`|\*[^*\s][^*\n]*\*|(?<![\p{L}\p{N}])_[^_\s][^_\n]*_(?![\p{L}\p{N}]))/u;

  function appendInline(parent, text) {
    let rest = text;
    while (rest.length > 0) {
      const match = INLINE.exec(rest);
      if (!match) {
        parent.append(document.createTextNode(rest));
        return;
      }
      if (match.index > 0) {
        parent.append(document.createTextNode(rest.slice(0, match.index)));
      }
      const token = match[0];
      if (token.startsWith("**")) {
        parent.append(element("strong", null, token.slice(2, -2)));
      } else if (token.startsWith("`")) {
        parent.append(element("code", null, token.slice(1, -1)));
      } else if (token.startsWith("*")) {
        parent.append(element("strong", null, token.slice(1, -1)));
      } else {
        parent.append(element("em", null, token.slice(1, -1)));
      }
      rest = rest.slice(match.index + token.length);
    }
  }

  function renderBotText(text) {
    const fragment = document.createDocumentFragment();
    let list = null;
    for (const line of String(text).split("\n")) {
      const bullet = /^\s*(?:[-*•]|\d+[.)])\s+(.*)$/.exec(line);
      if (bullet) {
        if (!list) {
          list = element(/^\s*\d/.test(line) ? "ol" : "ul");
          fragment.append(list);
        }
        const item = element("li");
        appendInline(item, bullet[1]);
        list.append(item);
        continue;
      }
      list = null;
      if (line.trim() === "") {
        continue;
      }
      const paragraph = element("p");
      appendInline(paragraph, line);
      fragment.append(paragraph);
    }
    return fragment;
  }

  // ---- the conversation -----------------------------------------------------------------------------------------------

  function scrollToEnd() {
    const smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    ui.chat.scrollTo({ top: ui.chat.scrollHeight, behavior: smooth ? "smooth" : "auto" });
  }

  function addDayDivider(iso) {
    const day = formatDate(iso, false);
    if (!day || day === state.lastDay) {
      return;
    }
    state.lastDay = day;
    const divider = element("li", "day");
    divider.append(element("span", null, day));
    ui.log.append(divider);
  }

  function messageItem(from, text, extraClass) {
    const item = element("li", "msg " + (from === "you" ? "you" : "bot") + (extraClass ? " " + extraClass : ""));
    item.append(element("span", "visually-hidden", (from === "you" ? t("youSaid") : t("interviewer")) + " "));
    const bubble = element("div", "bubble");
    if (from === "you") {
      bubble.textContent = text;
    } else {
      bubble.append(renderBotText(text));
    }
    item.append(bubble);
    return item;
  }

  function addMessage(message) {
    if (state.seen.has(message.seq)) {
      return false;
    }
    state.seen.add(message.seq);
    addDayDivider(message.at);
    const item = messageItem(message.from, message.text);
    item.dataset.seq = String(message.seq);
    ui.log.append(item);
    return true;
  }

  function addNotice(text) {
    ui.log.append(messageItem("bot", text, "notice"));
  }

  function removePending() {
    for (const pending of ui.log.querySelectorAll(".msg.pending")) {
      pending.remove();
    }
  }

  // ---- what the candidate can do now ------------------------------------------------------------------------------------

  const ENDINGS = {
    completed: "endedCompleted",
    declined: "endedDeclined",
    withdrawn: "endedWithdrawn",
    "knocked-out": "endedKnockedOut",
    expired: "endedExpired",
    "profile-changed": "endedProfileChanged",
  };

  // Why a link does not open the interview (the server's "reason"): title and text in the page's language.
  const REFUSALS = {
    expired: ["linkExpiredTitle", "linkExpired"],
    closed: ["linkClosedTitle", "linkClosed"],
  };

  function renderChoices(page) {
    ui.choices.querySelectorAll("button").forEach((button) => button.remove());
    const prompt = page && page.state === "open" ? page.prompt : null;
    const choices = prompt && Array.isArray(prompt.choices) ? prompt.choices : [];
    ui.choices.hidden = choices.length === 0;
    for (const choice of choices) {
      const button = element("button", "choice", String(choice.title));
      button.type = "button";
      button.disabled = state.sending;
      button.addEventListener("click", () => {
        state.lastInput = "choice";
        send({ choice: String(choice.value), questionId: prompt.questionId || null, shown: String(choice.title) });
      });
      ui.choices.append(button);
    }
  }

  function setControls() {
    const page = state.page;
    const open = !state.closed && page && page.state === "open";
    const paused = !state.closed && page && page.state === "paused";
    ui.composer.hidden = !open;
    ui.tools.hidden = !open;
    ui.paused.hidden = !paused;
    ui.answer.disabled = !open;
    ui.answer.readOnly = state.sending;
    ui.answer.setAttribute("aria-busy", state.sending ? "true" : "false");
    ui.send.disabled = !open || state.sending;
    ui.help.disabled = !open || state.sending;
    ui.pause.disabled = !open || state.sending;
    ui.resume.disabled = state.sending;
    for (const button of ui.choices.querySelectorAll("button")) {
      button.disabled = state.sending;
    }
    if (paused) {
      const until = formatDate(page.openUntil, true);
      ui.pausedText.textContent = until ? t("pausedUntil", { until }) : t("paused");
    }
    if (!state.closed && page && page.state === "ended") {
      showClosed(t(ENDINGS[page.outcome] || "ended"));
    }
  }

  function showClosed(text, title) {
    ui.closed.textContent = "";
    if (title) {
      ui.closed.append(element("strong", null, title), document.createTextNode(" "));
    }
    ui.closed.append(document.createTextNode(text));
    ui.closed.hidden = false;
    ui.composer.hidden = true;
    ui.tools.hidden = true;
    ui.paused.hidden = true;
    ui.choices.hidden = true;
    state.closed = true;
  }

  function updateCounter() {
    const max = state.page ? state.page.maxAnswerLength : 0;
    const length = ui.answer.value.length;
    ui.counter.textContent = max && length >= max * COUNTER_FROM ? `${length.toLocaleString()} / ${max.toLocaleString()}` : "";
    ui.answer.style.height = "auto";
    ui.answer.style.height = Math.min(ui.answer.scrollHeight, Math.round(window.innerHeight * 0.4)) + "px";
  }

  // ---- applying what the server says ---------------------------------------------------------------------------------

  function apply(page, afterSend) {
    let added = false;
    for (const message of Array.isArray(page.messages) ? page.messages : []) {
      if (message.from === "you") {
        removePending();
      }
      added = addMessage(message) || added;
    }
    for (const notice of Array.isArray(page.notices) ? page.notices : []) {
      addNotice(notice);
      added = true;
    }
    state.cursor = Math.max(state.cursor, Number(page.cursor));
    const changed = !state.page || state.page.state !== page.state || JSON.stringify(state.page.prompt) !== JSON.stringify(page.prompt);
    state.page = page;
    ui.role.textContent = page.role || "";
    if (typeof page.language === "string" && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(page.language)) {
      // The conversation, its buttons and the page around them are in the interview's language.
      ui.log.lang = page.language;
      ui.choices.lang = page.language;
    }
    const until = formatDate(page.openUntil, true);
    ui.openUntil.textContent = page.state === "ended" || !until ? "" : t("openUntil", { until });
    if (page.maxAnswerLength) {
      ui.answer.maxLength = page.maxAnswerLength;
    }
    if (changed) {
      renderChoices(page);
    }
    setControls();
    // Opening the link for the first time shows the AI notice and the welcome from the top; coming back shows where it stopped.
    const firstVisit = state.firstRead && !ui.log.querySelector(".msg.you");
    state.firstRead = false;
    if (added && !firstVisit) {
      scrollToEnd();
    }
    if (afterSend && !state.closed) {
      focusNext();
    }
  }

  function focusNext() {
    const first = ui.choices.querySelector("button");
    if (state.page && state.page.state === "paused") {
      ui.resume.focus();
    } else if (first && state.lastInput === "choice") {
      first.focus();
    } else if (!ui.answer.disabled) {
      ui.answer.focus();
    }
  }

  async function problemOf(response) {
    try {
      const problem = await response.json();
      return { title: String(problem.title || ""), detail: String(problem.detail || ""), reason: String(problem.reason || "") };
    } catch {
      return { title: "", detail: "", reason: "" };
    }
  }

  async function refuse(response) {
    const problem = await problemOf(response);
    if (response.status === 404 || response.status === 410) {
      ui.loading.hidden = true;
      const [title, text] = REFUSALS[problem.reason] || ["linkInvalidTitle", "linkInvalid"];
      showClosed(t(text), t(title));
      setStatus("");
      return true;
    }
    setStatus(t(response.status === 413 ? "tooLong" : response.status === 503 || response.status === 429 ? "notSent" : "somethingWrong"));
    return false;
  }

  // ---- talking to the bot ----------------------------------------------------------------------------------------------

  async function send(answer) {
    if (state.sending || state.closed || !state.page) {
      return;
    }
    const text = answer.text !== undefined ? answer.text : null;
    if (text !== null && text.trim() === "") {
      ui.answer.focus();
      return;
    }
    state.sending = true;
    setStatus("");
    setControls();
    const pending = messageItem("you", text !== null ? text : answer.shown, "pending");
    ui.log.append(pending);
    ui.typing.hidden = false;
    scrollToEnd();
    const body = JSON.stringify({ id: newId(), text: text, choice: answer.choice || null, questionId: answer.questionId || null, after: state.cursor });
    let sent = false;
    try {
      for (let attempt = 1; ; attempt++) {
        const response = await fetch(api, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body,
          cache: "no-store",
          credentials: "omit",
        });
        if (response.ok) {
          const page = await response.json();
          sent = true;
          if (answer.fromBox) {
            ui.answer.value = "";
            updateCounter();
          }
          state.sending = false;
          ui.typing.hidden = true;
          removePending();
          apply(page, true);
          return;
        }
        if ((response.status === 503 || response.status === 429) && attempt < MAX_SEND_ATTEMPTS) {
          const wait = retryAfter(response, 5);
          setStatus(t("retrying", { seconds: wait }));
          await delay(wait * 1000);
          continue;
        }
        await refuse(response);
        return;
      }
    } catch {
      setStatus(t("offline"));
    } finally {
      if (!sent) {
        removePending();
      }
      state.sending = false;
      ui.typing.hidden = true;
      setControls();
    }
  }

  async function poll() {
    let failures = 0;
    while (!state.closed) {
      try {
        const response = await fetch(`${api}?after=${state.cursor}&wait=${POLL_WAIT_SECONDS}`, { cache: "no-store", credentials: "omit" });
        if (response.ok) {
          failures = 0;
          const page = await response.json();
          apply(page, false);
          if (ui.status.dataset.connection) {
            delete ui.status.dataset.connection;
            setStatus("");
          }
          continue;
        }
        if (response.status === 404 || response.status === 410) {
          await refuse(response);
          return;
        }
        await delay(retryAfter(response, 5) * 1000);
      } catch {
        failures++;
        if (failures >= 2) {
          setStatus(t("reconnecting"));
          ui.status.dataset.connection = "lost";
        }
        await delay(Math.min(30, 2 ** failures) * 1000);
      }
    }
  }

  async function start() {
    if (!token) {
      ui.loading.hidden = true;
      showClosed(t("wholeLink"), t("linkInvalidTitle"));
      return;
    }
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await fetch(`${api}?after=-1`, { cache: "no-store", credentials: "omit" });
        if (response.ok) {
          const page = await response.json();
          ui.loading.hidden = true;
          apply(page, false);
          poll();
          return;
        }
        if (await refuse(response)) {
          return;
        }
        await delay(retryAfter(response, 5) * 1000);
      } catch {
        ui.loading.textContent = t("unreachable");
        await delay(Math.min(30, 2 ** attempt) * 1000);
      }
    }
  }

  // ---- wiring ------------------------------------------------------------------------------------------------------------

  ui.composer.addEventListener("submit", (event) => {
    event.preventDefault();
    state.lastInput = "text";
    send({ text: ui.answer.value, fromBox: true });
  });
  ui.answer.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      ui.composer.requestSubmit();
    }
  });
  ui.answer.addEventListener("input", updateCounter);
  ui.help.addEventListener("click", () => {
    state.lastInput = "text";
    send({ text: t("commandHelp") });
  });
  ui.pause.addEventListener("click", () => send({ text: t("commandPause") }));
  ui.resume.addEventListener("click", () => {
    state.lastInput = "text";
    send({ text: t("commandResume") });
  });

  start();
})();
