// ScreeningBot local playground: the page plays a Bot Framework channel called "playground".
// - Recruiter and candidate messages are Activities POSTed to the bot's real /api/messages with
//   deliveryMode "expectReplies", so the bot's answers come back in the response body.
// - What the bot sends on its own (the candidate's invitation, the scorecard) goes through its connector client to the
//   activity's serviceUrl, which is this server's /playground/ connector stand-in; the page long-polls
//   /playground/api/activities for it.
// - A screen that ended (the bot's reply has inputHint "ignoringInput") leaves no live buttons and closes the input; the
//   page remembers it in localStorage, so a reload (which replays only the proactive messages) still shows it ended.
// Everything from the bot or a person is put on the page with textContent and createElement, never as HTML.
"use strict";

(() => {
  const BOT = { id: "bot:screener", name: "Screener" };
  const RECRUITER = { id: "recruiter:you", name: "Recruiter (you)" };
  const CHANNEL = { id: "playground:hiring", name: "#hiring", isGroup: true, conversationType: "channel" };
  const SERVICE_URL = location.origin + "/playground/";
  const ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";
  const MAX_ITEMS_PER_LOG = 400;
  const MAX_CARD_DEPTH = 8;
  const POLL_WAIT_SECONDS = 20;
  const ENDED_KEY = "screeningbot.playground.ended";
  const MAX_ENDED_MARKERS = 50;

  const $ = (id) => document.getElementById(id);
  const ui = {
    status: $("status"),
    name: $("candidate-name"),
    mentionExample: $("mention-example"),
    candidateTitle: $("candidate-title-name"),
    recruiterLog: $("recruiter-log"),
    recruiterForm: $("recruiter-form"),
    recruiterInput: $("recruiter-input"),
    recruiterChips: $("recruiter-chips"),
    candidateLog: $("candidate-log"),
    candidateForm: $("candidate-form"),
    candidateInput: $("candidate-input"),
    candidateSend: document.querySelector("#candidate-form .send"),
    candidateChips: $("candidate-chips"),
    candidateClosed: $("candidate-closed"),
    hiringLog: $("hiring-log"),
  };

  const state = {
    cursor: 0,
    personalByMember: new Map(), // candidate account id -> their 1:1 conversation id
    candidateItems: new Map(), // conversation id -> items shown in the candidate pane
    names: new Set(), // candidate names used so far, to recognise "@Jane Doe" with its space
    lastProactive: new Map(), // conversation id -> "id@timestamp" of the last message the bot sent there on its own
    ended: new Set(), // conversation ids whose screen has ended
    replaying: true, // the first read of the feed after (re)loading the page
  };

  // ---- identities -------------------------------------------------------------------------------------------------

  function candidateName() {
    const cleaned = ui.name.value.replace(/[<>&"`@]/g, "").replace(/\s+/g, " ").trim().slice(0, 40);
    return cleaned || "Jane";
  }

  function accountIdFor(name) {
    const slug = name.toLowerCase().normalize("NFKC").replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "");
    return "candidate:" + (slug || "someone");
  }

  function candidateAccount() {
    const name = candidateName();
    return { id: accountIdFor(name), name };
  }

  function newId() {
    if (window.crypto && typeof window.crypto.randomUUID === "function") {
      return window.crypto.randomUUID();
    }
    return "pg-" + Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 10);
  }

  // ---- text: a small, safe subset of the Markdown the bot writes (**bold**, *bold*, _italic_, `code`, bullets) -----

  // The emoji marks the bot puts in card text (✅ ❌ ⚠️, also ✔️ ✖️) are drawn as CSS marks (.mark in playground.css):
  // a machine without an emoji font shows the emoji as empty boxes.
  const MARKS = /(\u2705|\u2714\uFE0F?|\u274C|\u2716\uFE0F?|\u26A0\uFE0F?)/u;
  const MARK_KINDS = {
    "\u2705": ["pass", "passed"],
    "\u2714": ["pass", "passed"],
    "\u274C": ["fail", "failed"],
    "\u2716": ["fail", "failed"],
    "\u26A0": ["warn", "warning"],
  };

  function appendText(parent, text) {
    for (const part of String(text).split(MARKS)) {
      const kind = MARK_KINDS[part.replace("\uFE0F", "")];
      if (kind) {
        const mark = element("span", "mark " + kind[0]);
        mark.setAttribute("role", "img");
        mark.setAttribute("aria-label", kind[1]);
        mark.title = kind[1];
        parent.append(mark);
      } else if (part) {
        parent.append(document.createTextNode(part));
      }
    }
  }

  const INLINE = /(\*\*[^*\n]+\*\*|`[^`\n]+`|\*[^*\s][^*\n]*\*|(?<![\p{L}\p{N}])_[^_\s][^_\n]*_(?![\p{L}\p{N}]))/u;

  function appendInline(parent, text) {
    let rest = text;
    while (rest.length > 0) {
      const match = INLINE.exec(rest);
      if (!match) {
        appendText(parent, rest);
        return;
      }
      if (match.index > 0) {
        appendText(parent, rest.slice(0, match.index));
      }
      const token = match[0];
      let node;
      if (token.startsWith("**")) {
        node = document.createElement("strong");
        appendText(node, token.slice(2, -2));
      } else if (token.startsWith("`")) {
        node = document.createElement("code");
        node.textContent = token.slice(1, -1);
      } else if (token.startsWith("*")) {
        node = document.createElement("strong");
        appendText(node, token.slice(1, -1));
      } else {
        node = document.createElement("em");
        appendText(node, token.slice(1, -1));
      }
      parent.append(node);
      rest = rest.slice(match.index + token.length);
    }
  }

  function renderText(text) {
    const fragment = document.createDocumentFragment();
    let list = null;
    for (const line of String(text).split("\n")) {
      const bullet = /^\s*(?:[-*•])\s+(.*)$/.exec(line);
      if (bullet) {
        if (!list) {
          list = document.createElement("ul");
          fragment.append(list);
        }
        const item = document.createElement("li");
        appendInline(item, bullet[1]);
        list.append(item);
        continue;
      }
      list = null;
      if (line.trim() === "") {
        continue;
      }
      const paragraph = document.createElement("p");
      appendInline(paragraph, line);
      fragment.append(paragraph);
    }
    return fragment;
  }

  // ---- Adaptive Cards: the elements the bot uses (Container, TextBlock, FactSet, Input.ChoiceSet, Action.Submit,
  // Action.OpenUrl). Anything else is named, not drawn. -------------------------------------------------------------

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

  function lower(value) {
    return typeof value === "string" ? value.toLowerCase() : "";
  }

  function renderCardElements(items, parent, inputs, depth) {
    if (!Array.isArray(items)) {
      return;
    }
    for (const item of items) {
      if (!item || typeof item !== "object") {
        continue;
      }
      switch (item.type) {
        case "TextBlock": {
          const classes = ["ac-text"];
          if (item.size) classes.push("size-" + lower(item.size));
          if (item.weight) classes.push("weight-" + lower(item.weight));
          if (item.isSubtle) classes.push("subtle");
          if (item.italic) classes.push("italic");
          if (item.separator) classes.push("separator");
          const block = element("div", classes.join(" "));
          block.append(renderText(typeof item.text === "string" ? item.text : ""));
          parent.append(block);
          break;
        }
        case "Container": {
          const box = element("div", "ac-container");
          if (item.style) box.classList.add(lower(item.style));
          if (item.bleed) box.classList.add("bleed");
          if (depth < MAX_CARD_DEPTH) {
            renderCardElements(item.items, box, inputs, depth + 1);
          }
          parent.append(box);
          break;
        }
        case "FactSet": {
          const facts = element("dl", "ac-facts");
          for (const fact of Array.isArray(item.facts) ? item.facts : []) {
            const title = element("dt");
            appendText(title, String(fact && fact.title !== undefined ? fact.title : ""));
            facts.append(title);
            const value = element("dd");
            value.append(renderText(String(fact && fact.value !== undefined ? fact.value : "")));
            facts.append(value);
          }
          parent.append(facts);
          break;
        }
        case "Input.ChoiceSet": {
          const wrapper = element("div", "ac-input");
          const select = element("select");
          const id = "ac-input-" + newId();
          select.id = id;
          const label = element("label", "visually-hidden", item.placeholder || "Choose an answer");
          label.htmlFor = id;
          select.append(element("option", null, "Choose…"));
          select.options[0].value = "";
          for (const choice of Array.isArray(item.choices) ? item.choices : []) {
            const option = element("option", null, String(choice.title));
            option.value = String(choice.value);
            select.append(option);
          }
          wrapper.append(label, select);
          parent.append(wrapper);
          if (typeof item.id === "string") {
            inputs.set(item.id, { select, required: !!item.isRequired, error: item.errorMessage || "Pick one." });
          }
          break;
        }
        default:
          parent.append(element("div", "ac-unsupported", `(a ${String(item.type)} element is not drawn in the playground)`));
      }
    }
  }

  function renderCard(card, onSubmit, disabledReason) {
    const root = element("div", "ac-card");
    if (!card || card.type !== "AdaptiveCard") {
      root.append(element("div", "ac-unsupported", "(this attachment is not an Adaptive Card)"));
      return root;
    }
    const body = element("div", "ac-body");
    const inputs = new Map();
    renderCardElements(card.body, body, inputs, 0);
    root.append(body);

    const actions = Array.isArray(card.actions) ? card.actions : [];
    if (actions.length > 0) {
      const bar = element("div", "ac-actions");
      for (const action of actions) {
        if (!action || typeof action !== "object") {
          continue;
        }
        if (action.type === "Action.OpenUrl") {
          const url = typeof action.url === "string" ? action.url : "";
          if (/^https?:\/\//i.test(url)) {
            const link = element("a", "ac-action", action.title || url);
            link.href = url;
            link.target = "_blank";
            link.rel = "noopener noreferrer";
            bar.append(link);
          } else {
            bar.append(element("span", "ac-unsupported", `(${action.title || "link"}: not an http(s) address)`));
          }
        } else if (action.type === "Action.Submit") {
          const button = element("button", "ac-action", action.title || "Submit");
          button.type = "button";
          if (!onSubmit) {
            button.disabled = true;
            button.title = disabledReason || "Buttons work in the candidate's chat";
          }
          button.addEventListener("click", () => {
            const data = Object.assign({}, action.data && typeof action.data === "object" ? action.data : {});
            let shown = action.title || "Submit";
            for (const [id, input] of inputs) {
              if (input.required && !input.select.value) {
                input.select.setCustomValidity(input.error);
                input.select.reportValidity();
                return;
              }
              input.select.setCustomValidity("");
              data[id] = input.select.value;
              shown = input.select.selectedOptions[0] ? input.select.selectedOptions[0].textContent : shown;
            }
            for (const other of bar.querySelectorAll("button")) {
              other.disabled = true;
            }
            for (const input of inputs.values()) {
              input.select.disabled = true;
            }
            button.classList.add("chosen");
            onSubmit(data, shown);
          });
          bar.append(button);
        } else {
          bar.append(element("span", "ac-unsupported", `(${String(action.type)} is not drawn in the playground)`));
        }
      }
      root.append(bar);
    }
    return root;
  }

  // ---- the three logs -----------------------------------------------------------------------------------------------

  function timeOf(activity) {
    const when = activity && activity.timestamp ? new Date(activity.timestamp) : new Date();
    return isNaN(when.getTime()) ? "" : when.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  }

  // An item is { kind: "bot" | "me" | "error" | "notice", who, text, activity, interactive, ended }.
  function renderItem(item, onSubmit) {
    if (item.kind === "notice") {
      return element("li", "notice", item.text);
    }
    const li = element("li", "msg " + (item.kind === "me" ? "me" : item.kind === "error" ? "error" : "bot"));
    if (item.activity && typeof item.activity.id === "string") {
      li.dataset.activityId = item.activity.id; // so a later messageDelete can find it
    }
    const meta = element("div", "meta");
    meta.append(element("span", "who-name", item.who), element("time", null, timeOf(item.activity)));
    li.append(meta);

    const bubble = element("div", "bubble");
    if (item.kind === "me" || item.kind === "error") {
      bubble.textContent = item.text;
    } else {
      const activity = item.activity || {};
      if (typeof activity.text === "string" && activity.text.length > 0) {
        bubble.append(renderText(activity.text));
      }
      for (const attachment of Array.isArray(activity.attachments) ? activity.attachments : []) {
        if (attachment && attachment.contentType === ADAPTIVE_CARD) {
          bubble.append(renderCard(attachment.content, item.interactive ? onSubmit : null, item.ended ? "This screen has ended" : null));
          li.classList.add("wide");
        } else if (attachment) {
          bubble.append(element("div", "ac-unsupported", `(an attachment of type ${String(attachment.contentType)})`));
        }
      }
    }
    li.append(bubble);
    return li;
  }

  function append(log, node) {
    const empty = log.querySelector(".empty");
    if (empty) {
      empty.remove();
    }
    log.append(node);
    while (log.children.length > MAX_ITEMS_PER_LOG) {
      log.firstElementChild.remove();
    }
    // Show the newest message; when it is taller than the pane (a scorecard), show its top, where the verdict is.
    log.scrollTop = node.offsetHeight > log.clientHeight ? node.offsetTop - 12 : log.scrollHeight;
  }

  function showTyping(log) {
    const typing = element("li", "typing", "Screener is typing…");
    append(log, typing);
    return typing;
  }

  function setStatus(text) {
    ui.status.textContent = text;
    ui.status.hidden = !text;
  }

  // ---- talking to the bot -------------------------------------------------------------------------------------------

  async function post(activity) {
    const response = await fetch("/api/messages", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(activity),
    });
    if (!response.ok) {
      let detail = "";
      try {
        const problem = await response.json();
        detail = problem.detail || problem.title || "";
      } catch {
        // Not a problem document: the status says enough.
      }
      throw new Error(`The bot answered HTTP ${response.status}${detail ? ": " + detail : ""}`);
    }
    const body = await response.json();
    return Array.isArray(body.activities) ? body.activities : [];
  }

  function activityFrom(from, conversation, fields) {
    return Object.assign({
      type: "message",
      id: newId(),
      timestamp: new Date().toISOString(),
      channelId: "playground",
      serviceUrl: SERVICE_URL,
      from,
      recipient: BOT,
      conversation,
      locale: navigator.language || "en-US",
      deliveryMode: "expectReplies",
    }, fields);
  }

  // "@Jane Doe" and "@Screener" become Teams-style mentions: <at>Name</at> in the text plus a mention entity.
  function withMentions(text) {
    const names = [candidateName(), ...state.names, BOT.name].sort((a, b) => b.length - a.length);
    const entities = [];
    let out = "";
    let i = 0;
    while (i < text.length) {
      if (text[i] === "@" && (i === 0 || /\s/.test(text[i - 1]))) {
        const rest = text.slice(i + 1);
        let name = names.find((n) => rest.toLowerCase().startsWith(n.toLowerCase()) && !/[\p{L}\p{N}]/u.test(rest.charAt(n.length)));
        if (!name) {
          const word = /^[\p{L}\p{N}][\p{L}\p{N}.'_-]*/u.exec(rest);
          name = word ? word[0] : null;
        }
        if (name) {
          const isBot = name.toLowerCase() === BOT.name.toLowerCase();
          const account = isBot ? BOT : { id: accountIdFor(name), name };
          const tag = `<at>${account.name}</at>`;
          entities.push({ type: "mention", mentioned: { id: account.id, name: account.name }, text: tag });
          out += tag;
          i += 1 + name.length;
          continue;
        }
      }
      out += text[i];
      i += 1;
    }
    return { text: out, entities };
  }

  async function sendCommand(command) {
    const text = command.trim();
    if (!text) {
      return;
    }
    state.names.add(candidateName());
    append(ui.recruiterLog, renderItem({ kind: "me", who: "You", text }));
    const mentioned = withMentions(text);
    const typing = showTyping(ui.recruiterLog);
    try {
      const replies = await post(activityFrom(RECRUITER, CHANNEL, { text: mentioned.text, entities: mentioned.entities }));
      typing.remove();
      for (const reply of replies.filter((a) => a.type === "message")) {
        append(ui.recruiterLog, renderItem({ kind: "bot", who: BOT.name, activity: reply }));
      }
    } catch (error) {
      typing.remove();
      append(ui.recruiterLog, renderItem({ kind: "error", who: "Playground", text: error.message }));
    }
  }

  function currentConversation() {
    return state.personalByMember.get(candidateAccount().id) || null;
  }

  function itemsOf(conversationId) {
    if (!state.candidateItems.has(conversationId)) {
      state.candidateItems.set(conversationId, []);
    }
    return state.candidateItems.get(conversationId);
  }

  function addCandidateItem(conversationId, item) {
    const items = itemsOf(conversationId);
    items.push(item);
    if (items.length > MAX_ITEMS_PER_LOG) {
      items.shift();
    }
    if (conversationId === currentConversation()) {
      append(ui.candidateLog, renderItem(item, answerWithButton));
    }
  }

  async function sendAnswer(fields, shown) {
    const conversationId = currentConversation();
    if (!conversationId) {
      return;
    }
    const account = candidateAccount();
    addCandidateItem(conversationId, { kind: "me", who: account.name, text: shown });
    const typing = showTyping(ui.candidateLog);
    try {
      const conversation = { id: conversationId, isGroup: false, conversationType: "personal" };
      const replies = await post(activityFrom(account, conversation, fields));
      typing.remove();
      const messages = replies.filter((a) => a.type === "message");
      for (const reply of messages) {
        addCandidateItem(conversationId, { kind: "bot", who: BOT.name, activity: reply, interactive: true });
      }
      if (messages.some(isClosing)) {
        endConversation(conversationId, true);
      }
    } catch (error) {
      typing.remove();
      addCandidateItem(conversationId, { kind: "error", who: "Playground", text: error.message });
    }
  }

  function answerWithButton(data, shown) {
    sendAnswer({ value: data }, shown);
    ui.candidateInput.focus();
  }

  // ---- ended screens: no live buttons, the input closed, remembered across reloads ----------------------------------

  function isClosing(activity) {
    return !!activity && activity.inputHint === "ignoringInput";
  }

  function activityKey(activity) {
    return `${activity.id || ""}@${activity.timestamp || ""}`;
  }

  // conversation id -> the activityKey of the last proactive message in it when its screen ended. A reload ends the
  // conversation again only if that is still its last proactive message (not a new invitation, not a restarted bot).
  function loadEndedMarkers() {
    try {
      const markers = JSON.parse(localStorage.getItem(ENDED_KEY) || "{}");
      return markers && typeof markers === "object" && !Array.isArray(markers) ? markers : {};
    } catch {
      return {};
    }
  }

  function saveEndedMarkers(markers) {
    try {
      localStorage.setItem(ENDED_KEY, JSON.stringify(Object.fromEntries(Object.entries(markers).slice(-MAX_ENDED_MARKERS))));
    } catch {
      // Storage full or turned off: only a reload forgets that the screen ended.
    }
  }

  function endConversation(conversationId, remember) {
    state.ended.add(conversationId);
    for (const item of itemsOf(conversationId)) {
      item.interactive = false;
      item.ended = true;
    }
    if (remember) {
      const markers = loadEndedMarkers();
      delete markers[conversationId];
      markers[conversationId] = state.lastProactive.get(conversationId) || "";
      saveEndedMarkers(markers);
    }
    if (conversationId === currentConversation()) {
      // Disable what is on the page rather than drawing it again, so the reader keeps their place.
      for (const control of ui.candidateLog.querySelectorAll("button, select")) {
        control.disabled = true;
        control.title = "This screen has ended";
      }
      updateComposer();
    }
  }

  function reopenConversation(conversationId) {
    state.ended.delete(conversationId);
    const markers = loadEndedMarkers();
    if (conversationId in markers) {
      delete markers[conversationId];
      saveEndedMarkers(markers);
    }
    if (conversationId === currentConversation()) {
      updateComposer();
    }
  }

  function restoreEndedConversations() {
    const markers = loadEndedMarkers();
    let stale = false;
    for (const [conversationId, key] of Object.entries(markers)) {
      if (state.lastProactive.get(conversationId) === key) {
        endConversation(conversationId, false);
      } else {
        delete markers[conversationId];
        stale = true;
      }
    }
    if (stale) {
      saveEndedMarkers(markers);
    }
  }

  // ---- what the bot sent on its own, through the connector stand-in ---------------------------------------------

  function route(item) {
    const activity = item.activity || {};
    const conversation = item.conversation || {};
    if (activity.type === "messageDelete") {
      removeActivity(activity.id); // the candidate's data was erased: what the bot posted about them goes too
      return;
    }
    if (activity.type !== "message") {
      return;
    }
    const members = Array.isArray(conversation.members) ? conversation.members : [];
    if (conversation.isGroup === false && members.length === 1) {
      const known = state.personalByMember.has(members[0]);
      state.personalByMember.set(members[0], conversation.id);
      state.lastProactive.set(conversation.id, activityKey(activity));
      if (!known && members[0] === candidateAccount().id) {
        renderCandidatePane();
      }
      if (!state.replaying && state.ended.has(conversation.id) && !isClosing(activity)) {
        reopenConversation(conversation.id); // a new screen for the same person
      }
      addCandidateItem(conversation.id, { kind: "bot", who: BOT.name, activity, interactive: true });
      if (isClosing(activity)) {
        endConversation(conversation.id, true); // e.g. the recruiter cancelled the screen
      }
      return;
    }
    const where = conversation.id === CHANNEL.id ? BOT.name : `${BOT.name} in ${conversation.id}`;
    append(ui.hiringLog, renderItem({ kind: "bot", who: where, activity }));
  }

  function removeActivity(id) {
    if (typeof id !== "string") {
      return;
    }
    for (const node of document.querySelectorAll(`li[data-activity-id="${CSS.escape(id)}"]`)) {
      node.replaceWith(element("li", "notice", "A message was removed here: the candidate's data was erased."));
    }
  }

  // After a reload the bot's proactive messages come back from the feed, but the answers and replies exchanged through
  // expectReplies were only ever in the old page: say so instead of showing a chat with holes.
  function noteReplayedChats() {
    for (const conversationId of state.personalByMember.values()) {
      addCandidateItem(conversationId, {
        kind: "notice",
        text: state.ended.has(conversationId)
          ? "This page was reloaded: earlier answers aren't shown."
          : "This page was reloaded: earlier answers aren't shown. Type \"repeat\" to see the current question.",
      });
    }
  }

  async function poll() {
    let first = true;
    for (;;) {
      try {
        // The first read answers at once with what is already there (a reload); later ones wait for news.
        const wait = first ? 0 : POLL_WAIT_SECONDS;
        const response = await fetch(`/playground/api/activities?after=${state.cursor}&wait=${wait}`, { cache: "no-store" });
        if (!response.ok) {
          throw new Error(`HTTP ${response.status}`);
        }
        const feed = await response.json();
        for (const item of Array.isArray(feed.activities) ? feed.activities : []) {
          route(item);
        }
        if (typeof feed.next === "number") {
          state.cursor = feed.next;
        }
        if (first) {
          first = false;
          state.replaying = false;
          restoreEndedConversations();
          noteReplayedChats();
        }
        setStatus("");
      } catch (error) {
        setStatus(`Can't reach the bot (${error.message}); trying again. Is "dotnet run --project bot" still running?`);
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }
    }
  }

  // ---- the candidate pane follows the name field ------------------------------------------------------------------

  function renderCandidatePane() {
    const account = candidateAccount();
    ui.candidateTitle.textContent = account.name;
    ui.mentionExample.textContent = "@" + account.name;
    for (const chip of ui.recruiterChips.querySelectorAll(".chip")) {
      chip.textContent = chip.dataset.command.replace("{name}", account.name);
    }
    ui.recruiterInput.placeholder = `screen @${account.name} backend-senior`;

    const conversationId = currentConversation();
    ui.candidateLog.replaceChildren();
    updateComposer();
    if (conversationId === null) {
      ui.candidateLog.append(element("li", "empty",
        `${account.name} has no chat with the bot yet. As the recruiter, send "screen @${account.name} backend-senior"; the invitation appears here.`));
      return;
    }
    for (const item of itemsOf(conversationId)) {
      append(ui.candidateLog, renderItem(item, answerWithButton));
    }
  }

  // The answer box, send button and chips: open while the candidate has a screen going, closed with a note once it ended.
  function updateComposer() {
    const account = candidateAccount();
    const conversationId = currentConversation();
    const open = conversationId !== null;
    const ended = open && state.ended.has(conversationId);
    ui.candidateInput.disabled = !open || ended;
    ui.candidateSend.disabled = !open || ended;
    for (const chip of ui.candidateChips.querySelectorAll(".chip")) {
      chip.disabled = !open || ended;
    }
    ui.candidateClosed.hidden = !ended;
    ui.candidateClosed.textContent = ended
      ? `This screen has ended, so ${account.name} can't answer any more. To start a new one, send "screen @${account.name} backend-senior" as the recruiter.`
      : "";
    ui.candidateInput.placeholder = !open ? `Invite ${account.name} as the recruiter first`
      : ended ? "This screen has ended" : `Answer as ${account.name}…`;
  }

  // ---- wiring -----------------------------------------------------------------------------------------------------

  ui.recruiterForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = ui.recruiterInput.value;
    ui.recruiterInput.value = "";
    sendCommand(text);
  });

  ui.recruiterChips.addEventListener("click", (event) => {
    const chip = event.target.closest(".chip");
    if (chip) {
      sendCommand(chip.dataset.command.replace("{name}", candidateName()));
    }
  });

  ui.candidateForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = ui.candidateInput.value.trim();
    if (!text || ui.candidateInput.disabled) {
      return;
    }
    ui.candidateInput.value = "";
    sendAnswer({ text }, text);
  });

  ui.candidateInput.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      ui.candidateForm.requestSubmit();
    }
  });

  ui.candidateChips.addEventListener("click", (event) => {
    const chip = event.target.closest(".chip");
    if (chip && !chip.disabled) {
      sendAnswer({ text: chip.dataset.command }, chip.dataset.command);
    }
  });

  ui.name.addEventListener("input", renderCandidatePane);

  renderCandidatePane();
  poll();
})();
