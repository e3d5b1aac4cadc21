// MentorBot playground: renders the Block Kit MentorBot sends and turns clicks into Slack-shaped interactions.
"use strict";

const $ = (sel) => document.querySelector(sel);
const ui = {
  me: localStorage.getItem("pg.me") || "UKENJI",
  conv: localStorage.getItem("pg.conv") || "dm",
  data: null, shownVersion: -1, shownKey: "", modalKey: "", homeKey: "", busy: false,
};

const EMOJI = {
  wave: "👋", tada: "🎉", white_check_mark: "✅", heavy_check_mark: "✔️", calendar: "📅", date: "📅", bulb: "💡", star: "⭐",
  rocket: "🚀", memo: "📝", handshake: "🤝", thumbsup: "👍", "+1": "👍", "-1": "👎", hourglass: "⏳", hourglass_flowing_sand: "⏳",
  seedling: "🌱", dart: "🎯", speech_balloon: "💬", mag: "🔍", warning: "⚠️", x: "❌", raised_hands: "🙌", sparkles: "✨",
  books: "📚", pencil: "✏️", pencil2: "✏️", bell: "🔔", lock: "🔒", eyes: "👀", smile: "😄", slightly_smiling_face: "🙂",
  heart: "❤️", point_right: "👉", trophy: "🏆", chart_with_upwards_trend: "📈", muscle: "💪", clock9: "🕘", alarm_clock: "⏰",
  information_source: "ℹ️", question: "❓", mailbox: "📫", incoming_envelope: "📨", gift: "🎁", pray: "🙏", ok_hand: "👌",
  no_entry: "⛔", stopwatch: "⏱️", busts_in_silhouette: "👥", bust_in_silhouette: "👤", clipboard: "📋", pushpin: "📌",
  calendar_spiral: "🗓️", spiral_calendar_pad: "🗓️", repeat: "🔁", zzz: "💤", coffee: "☕", flag: "🚩", bar_chart: "📊",
  spiral_note_pad: "🗒️", pause_button: "⏸️", fast_forward: "⏩", thinking_face: "🤔",
};

// ---------- helpers ----------
function esc(s) { return String(s ?? "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;"); }
function decode(s) { return String(s ?? "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&"); }
function emoji(html) { return html.replace(/:([a-z0-9_+\-]+):/g, (m, name) => EMOJI[name] || m); }
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "html") node.innerHTML = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c);
  return node;
}
function person(id) { return (ui.data?.people || []).find((p) => p.id === id); }
function displayName(id) {
  if (id === ui.data?.bot.id) return "MentorBot";
  if (id === "USLACKBOT") return "Slackbot";
  return person(id)?.name || id;
}
function toast(text) {
  const t = $("#toast");
  t.textContent = text; t.hidden = false;
  clearTimeout(toast.timer); toast.timer = setTimeout(() => (t.hidden = true), 4000);
}
function meTz() { return person(ui.me)?.timeZone || "UTC"; }
function fmtTime(iso, withDate) {
  const opts = { timeZone: meTz(), hour: "2-digit", minute: "2-digit" };
  if (withDate) Object.assign(opts, { weekday: "short", day: "numeric", month: "short" });
  return new Intl.DateTimeFormat("en-GB", opts).format(new Date(iso));
}

// ---------- mrkdwn ----------
function mrkdwn(src) {
  return String(src ?? "").split(/(```[\s\S]*?```)/).map((part) =>
    part.startsWith("```") && part.endsWith("```") && part.length >= 6
      ? `<pre>${esc(decode(part.slice(3, -3)))}</pre>`
      : lines(part)).join("");
}
function lines(text) {
  return text.split("\n").map((line) => {
    const quoted = line.startsWith("&gt;") || line.startsWith(">");
    const body = quoted ? line.replace(/^(&gt;|>)\s?/, "") : line;
    const html = inline(body);
    return quoted ? `<blockquote>${html}</blockquote>` : html;
  }).join("<br>").replace(/<\/blockquote><br>/g, "</blockquote>");
}
function inline(text) {
  // Code and <…> tokens become placeholders first, so *bold* may wrap a mention (as in Slack) but never touches code.
  const held = [];
  const hold = (html) => `\u0000${held.push(html) - 1}\u0000`;
  const plain = text.split(/(`[^`\n]+`|<[^<>\n]+>)/).map((tok) => {
    if (tok.startsWith("`") && tok.endsWith("`") && tok.length > 1) return hold(`<code>${esc(decode(tok.slice(1, -1)))}</code>`);
    if (tok.startsWith("<") && tok.endsWith(">")) return hold(control(tok.slice(1, -1)));
    return emoji(esc(decode(tok.replace(/\u0000/g, ""))));
  }).join("");
  return format(plain).replace(/\u0000(\d+)\u0000/g, (_, i) => held[Number(i)]);
}
function format(html) {
  const edge = "(^|[\\s(\\[{'\"])", end = "(?=$|[\\s).,!?:;'\"\\]}])";
  return html
    .replace(new RegExp(edge + "\\*([^*\\n]+?)\\*" + end, "g"), "$1<b>$2</b>")
    .replace(new RegExp(edge + "_([^_\\n]+?)_" + end, "g"), "$1<i>$2</i>")
    .replace(new RegExp(edge + "~([^~\\n]+?)~" + end, "g"), "$1<s>$2</s>");
}
function control(inner) {
  const [target, label] = [inner.split("|")[0], inner.includes("|") ? inner.slice(inner.indexOf("|") + 1) : null];
  if (target.startsWith("@")) return `<span class="mention">@${esc(displayName(target.slice(1)))}</span>`;
  if (target.startsWith("#")) {
    const id = target.slice(1);
    const name = label || (id === ui.data?.channel.id ? ui.data.channel.name : "private-channel");
    return `<span class="mention">#${esc(name)}</span>`;
  }
  if (target.startsWith("!date^")) {
    const [, ts] = target.split("^");
    const d = new Date(Number(ts) * 1000);
    return isNaN(d) ? esc(decode(label || "")) : esc(fmtTime(d.toISOString(), true));
  }
  if (target.startsWith("!subteam^")) return `<span class="mention">@${esc(label || "group")}</span>`;
  if (target.startsWith("!")) return `<span class="mention">@${esc(target.slice(1))}</span>`;
  const url = decode(target);
  const safe = /^(https?:|mailto:)/i.test(url) ? url : "#";
  return `<a href="${esc(safe)}" target="_blank" rel="noopener">${esc(decode(label ?? url))}</a>`;
}
function textObj(t) {
  if (!t) return "";
  if (typeof t === "string") return esc(t);
  return t.type === "mrkdwn" ? mrkdwn(t.text) : emoji(esc(t.text));
}
function plain(t) { return typeof t === "string" ? t : decode(t?.text ?? ""); }

// ---------- state values (view state, block_actions action objects) ----------
function allOptions(element) {
  return element.options || (element.option_groups || []).flatMap((g) => g.options || []);
}
function channelList() {
  const c = ui.data.channel;
  return [{ id: c.id, name: "#" + c.name }];
}
function readValue(node) {
  const type = node.dataset.type, v = { type };
  const element = node._element;
  const opt = (val) => allOptions(element).find((o) => o.value === val) || null;
  switch (type) {
    case "plain_text_input": case "number_input": case "email_text_input": case "url_text_input":
      v.value = node.value === "" ? null : node.value; break;
    case "datepicker": v.selected_date = node.value || null; break;
    case "timepicker": v.selected_time = node.value || null; break;
    case "datetimepicker": v.selected_date_time = node.value ? Math.floor(new Date(node.value + "Z").getTime() / 1000) : null; break;
    case "static_select": case "external_select": v.selected_option = node.value ? opt(node.value) : null; break;
    case "multi_static_select": case "multi_external_select":
      v.selected_options = [...node.selectedOptions].map((o) => opt(o.value)).filter(Boolean); break;
    case "users_select": v.selected_user = node.value || null; break;
    case "multi_users_select": v.selected_users = [...node.selectedOptions].map((o) => o.value); break;
    case "conversations_select": v.selected_conversation = node.value || null; break;
    case "multi_conversations_select": v.selected_conversations = [...node.selectedOptions].map((o) => o.value); break;
    case "channels_select": v.selected_channel = node.value || null; break;
    case "multi_channels_select": v.selected_channels = [...node.selectedOptions].map((o) => o.value); break;
    case "checkboxes":
      v.selected_options = [...node.querySelectorAll("input:checked")].map((i) => opt(i.value)).filter(Boolean); break;
    case "radio_buttons": case "overflow": {
      const picked = node.querySelector("input:checked")?.value ?? (node.tagName === "SELECT" ? node.value : null);
      v.selected_option = picked ? opt(picked) : null; break;
    }
  }
  return v;
}
function collectValues(root) {
  const values = {};
  for (const node of root.querySelectorAll("[data-block][data-action]")) {
    if (node.dataset.type === "button") continue;
    (values[node.dataset.block] ||= {})[node.dataset.action] = readValue(node);
  }
  return values;
}

// ---------- Block Kit rendering ----------
// ctx: { source: {channel, ts} | {view_id}, root: () => element holding the view (for state) }
function renderBlocks(blocks, ctx) {
  return (blocks || []).map((b) => renderBlock(b, ctx)).filter(Boolean);
}
function renderBlock(b, ctx) {
  const bid = b.block_id || "";
  switch (b.type) {
    case "header": return el("div", { class: "block block-header", role: "heading", "aria-level": "2", html: textObj(b.text) });
    case "divider": return el("hr", { class: "divider" });
    case "section": {
      const main = el("div", { class: "section-main" });
      if (b.text) main.append(el("div", { html: textObj(b.text) }));
      if (b.fields) main.append(el("div", { class: "fields" }, b.fields.map((f) => el("div", { html: textObj(f) }))));
      const node = el("div", { class: "block section", "data-block-id": bid }, main);
      if (b.accessory) node.append(renderElement(b.accessory, bid, ctx, false));
      return node;
    }
    case "context":
      return el("div", { class: "block context" }, (b.elements || []).map((e) =>
        e.type === "image" ? el("img", { src: e.image_url, alt: e.alt_text }) : el("span", { html: textObj(e) })));
    case "actions":
      return el("div", { class: "block actions", "data-block-id": bid }, (b.elements || []).map((e) => renderElement(e, bid, ctx, false)));
    case "image":
      return el("figure", { class: "block" }, el("img", { src: b.image_url, alt: b.alt_text, style: "max-width:100%" }), b.title ? el("figcaption", { html: textObj(b.title) }) : null);
    case "input": {
      const input = renderElement(b.element, bid, ctx, true, b);
      const id = "in-" + bid;
      const field = input.matches("[data-action]") ? input : input.querySelector("[data-action]");
      if (field && !field.id) field.id = id;
      return el("div", { class: "block input-block", "data-block-id": bid, "data-required": b.optional ? null : "true" },
        el("label", { for: field?.id || id }, plain(b.label), b.optional ? el("span", { class: "optional" }, " (optional)") : null),
        input,
        b.hint ? el("div", { class: "hint", html: textObj(b.hint) }) : null,
        el("div", { class: "field-error", "data-error-for": bid, role: "alert" }));
    }
    case "rich_text":
      return el("div", { class: "block", html: mrkdwn(richText(b)) });
    default:
      return el("div", { class: "block muted" }, `[${b.type} block]`);
  }
}
function richText(b) {
  const walk = (e) => e.type === "text" ? e.text : e.type === "user" ? `<@${e.user_id}>` : e.type === "link" ? `<${e.url}|${e.text || e.url}>`
    : e.type === "emoji" ? `:${e.name}:` : (e.elements || []).map(walk).join("") + (["rich_text_section", "rich_text_preformatted", "rich_text_quote"].includes(e.type) ? "\n" : "");
  return (b.elements || []).map(walk).join("");
}
function renderElement(e, blockId, ctx, inInput, block) {
  const action = e.action_id || `${blockId}-${e.type}`;
  const data = { "data-block": blockId, "data-action": action, "data-type": e.type };
  // In an input block the block's label names the field; elsewhere its placeholder does.
  const labelFor = (fallback) => (inInput ? plain(block.label) : plain(e.placeholder) || fallback);
  // Elements outside input blocks act at once (block_actions); inside, only with dispatch_action.
  const dispatches = !inInput || block?.dispatch_action;
  const fire = async (node) => {
    if (!dispatches) return;
    // As in Slack, an element with a confirm dialog acts only once it is confirmed; a cancelled menu goes back.
    if (e.confirm && !(await confirmDialog(e.confirm))) { if (node.tagName === "SELECT" && !node.multiple) node.value = ""; return; }
    sendAction(ctx, { ...readValue(node), action_id: action, block_id: blockId });
  };
  let node;
  switch (e.type) {
    case "button": {
      node = el("button", { class: "btn" + (e.style ? " " + e.style : ""), type: "button", ...data, html: textObj(e.text) });
      node.addEventListener("click", async () => {
        if (e.confirm && !(await confirmDialog(e.confirm))) return;
        if (e.url) window.open(e.url, "_blank", "noopener");
        sendAction(ctx, { type: "button", action_id: action, block_id: blockId, value: e.value, text: e.text, style: e.style });
      });
      return node;
    }
    case "plain_text_input": case "number_input": case "email_text_input": case "url_text_input": {
      const attrs = { ...data, placeholder: plain(e.placeholder), maxlength: e.max_length, minlength: e.min_length, "aria-label": inInput ? null : labelFor("Text") };
      node = e.multiline ? el("textarea", attrs) : el("input", { ...attrs, type: e.type === "number_input" ? "number" : "text" });
      node.value = e.initial_value ?? "";
      if (dispatches) node.addEventListener("change", () => fire(node));
      break;
    }
    case "datepicker": case "timepicker": case "datetimepicker":
      node = el("input", { ...data, type: e.type === "datepicker" ? "date" : e.type === "timepicker" ? "time" : "datetime-local", "aria-label": labelFor(e.type) });
      node.value = e.initial_date ?? e.initial_time ?? (e.initial_date_time ? new Date(e.initial_date_time * 1000).toISOString().slice(0, 16) : "");
      node.addEventListener("change", () => fire(node));
      break;
    case "static_select": case "external_select": case "multi_static_select": case "multi_external_select": case "overflow": {
      const multi = e.type.startsWith("multi_");
      const initial = new Set([e.initial_option?.value, ...(e.initial_options || []).map((o) => o.value)].filter(Boolean));
      node = el("select", { ...data, multiple: multi, "aria-label": labelFor("Choose") });
      if (!multi) node.append(el("option", { value: "" }, e.type === "overflow" ? "⋯" : plain(e.placeholder) || "Choose…"));
      const addOpts = (opts, parent) => (opts || []).forEach((o) => parent.append(el("option", { value: o.value, selected: initial.has(o.value) }, plain(o.text))));
      if (e.option_groups) e.option_groups.forEach((g) => { const og = el("optgroup", { label: plain(g.label) }); addOpts(g.options, og); node.append(og); });
      else addOpts(e.options, node);
      node.addEventListener("change", () => fire(node));
      break;
    }
    case "users_select": case "multi_users_select": case "conversations_select": case "multi_conversations_select": case "channels_select": case "multi_channels_select": {
      const multi = e.type.startsWith("multi_");
      const users = e.type.includes("users");
      const initial = new Set([e.initial_user, ...(e.initial_users || []), e.initial_conversation, ...(e.initial_conversations || []), e.initial_channel, ...(e.initial_channels || [])].filter(Boolean));
      node = el("select", { ...data, multiple: multi, "aria-label": labelFor("Choose") });
      if (!multi) node.append(el("option", { value: "" }, plain(e.placeholder) || "Choose…"));
      const items = users ? ui.data.people.map((p) => ({ id: p.id, name: p.name })) : channelList();
      if (e.type.includes("conversations") && !e.filter?.include?.every((k) => k === "public")) items.push(...ui.data.people.filter((p) => p.id !== ui.me).map((p) => ({ id: p.dm, name: "DM: " + p.name })));
      items.forEach((i) => node.append(el("option", { value: i.id, selected: initial.has(i.id) }, i.name)));
      node.addEventListener("change", () => fire(node));
      break;
    }
    case "checkboxes": case "radio_buttons": {
      const kind = e.type === "checkboxes" ? "checkbox" : "radio";
      const initial = new Set([e.initial_option?.value, ...(e.initial_options || []).map((o) => o.value)].filter(Boolean));
      const name = `${blockId}-${action}-${Math.random().toString(36).slice(2)}`;
      node = el("div", { class: "choices", ...data, role: kind === "radio" ? "radiogroup" : "group", "aria-label": labelFor(kind) }, (e.options || []).map((o) =>
        el("label", {}, el("input", { type: kind, name, value: o.value, checked: initial.has(o.value) }), " ", el("span", { html: textObj(o.text) }),
          o.description ? el("div", { class: "hint", html: textObj(o.description) }) : null)));
      node.addEventListener("change", () => fire(node));
      break;
    }
    case "image":
      return el("img", { src: e.image_url, alt: e.alt_text, width: 64 });
    default:
      return el("span", { class: "muted" }, `[${e.type}]`);
  }
  node._element = e;
  return node;
}
function confirmDialog(c) {
  return new Promise((resolve) => {
    const done = (ok) => { overlay.remove(); resolve(ok); };
    const overlay = el("div", { class: "overlay", role: "dialog", "aria-modal": "true" },
      el("div", { class: "modal" },
        el("div", { class: "modal-head" }, plain(c.title) || "Are you sure?"),
        el("div", { class: "modal-body", html: textObj(c.text) }),
        el("div", { class: "modal-foot" },
          el("button", { class: "btn", type: "button", onclick: () => done(false) }, plain(c.deny) || "Cancel"),
          el("button", { class: "btn " + (c.style === "danger" ? "danger" : "primary"), type: "button", onclick: () => done(true) }, plain(c.confirm) || "Yes"))));
    document.body.append(overlay);
  });
}

// ---------- talking to the playground API ----------
async function post(path, body) {
  const r = await fetch("/playground/api/" + path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ user: ui.me, ...body }) });
  const answer = r.ok ? await r.json() : { ok: false, error: `HTTP ${r.status}` };
  if (answer.error) toast(answer.error);
  await poll();
  return answer;
}
function sendAction(ctx, action) {
  const values = ctx.source.view_id ? collectValues(ctx.root()) : {};
  return post("action", { source: ctx.source, action, values });
}

// ---------- screens ----------
function renderSidebar() {
  const who = $("#who");
  if (!who.options.length) {
    ui.data.people.forEach((p) => who.append(el("option", { value: p.id }, `${p.name} — ${p.role}`)));
    who.value = ui.me;
  }
  const p = person(ui.me);
  $("#who-detail").textContent = p ? `${p.role}, ${p.timeZone}` : "";
  document.querySelectorAll(".conv").forEach((b) => b.classList.toggle("active", b.dataset.conv === ui.conv));
  $("#now").textContent = new Date(ui.data.now).toISOString().slice(0, 16).replace("T", " ");
  $("#local-now").textContent = `Your time: ${fmtTime(ui.data.now, true)}` + (ui.data.offsetHours ? ` (+${Math.round(ui.data.offsetHours)} h)` : "");
  $("#apilog").replaceChildren(...ui.data.apiLog.map((e) => el("li", {}, `${e.method}: ${e.outcome}`)));
}
function renderSurface() {
  const surface = $("#surface");
  const title = $("#conv-title");
  // As in Slack with the manifest's read-only Messages tab: people type in a channel, never into the bot's DM.
  $("#composer").hidden = ui.conv !== "channel";
  $("#dm-read-only").hidden = ui.conv !== "dm";
  if (ui.conv === "home") {
    title.textContent = "MentorBot — Home";
    const home = ui.data.home;
    const key = home ? home.id + home.hash : "none";
    if (key === ui.homeKey && surface.dataset.conv === "home") return;
    ui.homeKey = key;
    const ctx = { source: { view_id: home?.id }, root: () => surface };
    surface.replaceChildren(...(home ? renderBlocks(home.view.blocks, ctx) : [el("p", { class: "empty" }, "MentorBot has not published a Home tab for you yet.")]));
    surface.dataset.conv = "home";
    return;
  }
  const channel = ui.conv === "channel" ? ui.data.channel.id : "D" + ui.me;
  title.textContent = ui.conv === "channel" ? "# " + ui.data.channel.name : "MentorBot — Messages";
  ui.homeKey = "";
  surface.dataset.conv = ui.conv;
  const messages = ui.data.messages.filter((m) => m.channel === channel);
  const nodes = messages.map((m) => {
    const ctx = { source: { channel: m.channel, ts: m.ts }, root: () => null };
    const bot = m.userId === ui.data.bot.id, slackbot = m.userId === "USLACKBOT";
    const body = el("div", { class: "message-body" },
      el("div", { class: "meta" }, el("b", {}, displayName(m.userId)), fmtTime(m.at, true), m.edited ? " (edited)" : ""),
      m.blocks?.length ? renderBlocks(m.blocks, ctx) : el("div", { html: mrkdwn(m.text) }),
      m.file ? el("div", { class: "file" }, "📄 ", el("a", { href: "/playground/files/" + m.file.id, download: m.file.name }, m.file.title || m.file.name), ` (${m.file.size} bytes)`) : null,
      m.ephemeral ? el("div", { class: "ephemeral-note" }, "👁 Only visible to you") : null);
    return el("article", { class: "message" + (m.ephemeral ? " ephemeral" : ""), "data-ts": m.ts },
      el("div", { class: "avatar" + (bot ? "" : slackbot ? " slackbot" : " person") }, bot ? "M" : displayName(m.userId)[0]), body);
  });
  surface.replaceChildren(...(nodes.length ? nodes : [el("p", { class: "empty" }, ui.conv === "channel" ? "No messages yet. Try typing /mentor help below." : "No messages yet.")]));
  surface.scrollTop = surface.scrollHeight;
}
function renderModal() {
  const root = $("#modal-root");
  const top = ui.data.modals[ui.data.modals.length - 1];
  const key = top ? top.id + top.hash : "";
  if (key !== ui.modalKey) {
    ui.modalKey = key;
    if (!top) { root.replaceChildren(); return; }
    const v = top.view;
    const body = el("div", { class: "modal-body" });
    const ctx = { source: { view_id: top.id }, root: () => body };
    body.append(...renderBlocks(v.blocks, ctx));
    const form = el("form", { class: "modal", role: "dialog", "aria-modal": "true", "aria-label": plain(v.title) },
      el("div", { class: "modal-head" }, el("span", {}, plain(v.title)), ui.data.modals.length > 1 ? el("span", { class: "muted small" }, `${ui.data.modals.length} of ${ui.data.modals.length}`) : null),
      body,
      el("div", { class: "modal-foot" },
        el("button", { class: "btn", type: "button", onclick: () => post("close", { view_id: top.id }) }, plain(v.close) || (v.submit ? "Cancel" : "Close")),
        v.submit ? el("button", { class: "btn primary", type: "submit" }, plain(v.submit)) : null));
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      // Like Slack's client: a required input left empty is flagged at the field and nothing is sent.
      let missing = false;
      body.querySelectorAll(".input-block[data-required]").forEach((blockNode) => {
        const field = blockNode.querySelector("[data-action]");
        const v = field ? readValue(field) : {};
        const empty = Object.entries(v).filter(([k]) => k !== "type").every(([, x]) => x === null || x === undefined || x === "" || (Array.isArray(x) && !x.length));
        const error = blockNode.querySelector("[data-error-for]");
        if (empty && error) { error.textContent = "Please complete this required field."; blockNode.classList.add("has-error"); missing = true; }
      });
      if (missing) return;
      form.querySelectorAll("button[type=submit]").forEach((b) => (b.disabled = true));
      await post("submit", { view_id: top.id, values: collectValues(body) });
      form.querySelectorAll("button[type=submit]").forEach((b) => (b.disabled = false));
    });
    root.replaceChildren(el("div", { class: "overlay" }, form));
  }
  // Errors are shown at the field without re-rendering, so what was typed stays. Only when the bot's errors change:
  // the client's own "required" flags must survive the next poll.
  const errorsKey = key + JSON.stringify(top?.errors ?? null);
  if (top && errorsKey !== ui.errorsKey) {
    ui.errorsKey = errorsKey;
    root.querySelectorAll("[data-error-for]").forEach((n) => {
      const msg = top.errors?.[n.dataset.errorFor] || "";
      n.textContent = msg;
      n.parentElement.classList.toggle("has-error", !!msg);
    });
  }
}

async function poll() {
  const me = ui.me;
  let data;
  try {
    const r = await fetch("/playground/api/state?user=" + encodeURIComponent(me));
    if (!r.ok) return;
    data = await r.json();
  } catch { return; }
  // Polls overlap (the timer and a switch of person): an answer for the person shown before would be rendered as
  // the new person's and then never redrawn, since nothing changed since.
  if (me !== ui.me) return;
  ui.data = data;
  renderSidebar();
  const key = ui.me + ui.conv;
  if (ui.data.version !== ui.shownVersion || key !== ui.shownKey) {
    ui.shownVersion = ui.data.version; ui.shownKey = key;
    renderSurface();
  }
  renderModal();
}

function choose(conv) {
  ui.conv = conv; localStorage.setItem("pg.conv", conv);
  if (conv === "home") post("home", {}); else poll();
}

document.addEventListener("DOMContentLoaded", () => {
  $("#who").addEventListener("change", (e) => {
    ui.me = e.target.value; localStorage.setItem("pg.me", ui.me); ui.modalKey = "*"; ui.homeKey = "";
    choose(ui.conv);
  });
  document.querySelectorAll(".conv").forEach((b) => b.addEventListener("click", () => choose(b.dataset.conv)));
  document.querySelectorAll("[data-hours]").forEach((b) => b.addEventListener("click", async () => {
    b.disabled = true;
    await post("clock", { hours: Number(b.dataset.hours) });
    b.disabled = false;
  }));
  $("#sample").addEventListener("click", async () => {
    $("#sample").disabled = true;
    await post("sample-programme", {});
    $("#sample").disabled = false;
  });
  $("#reset").addEventListener("click", async () => {
    if (await confirmDialog({ title: "Reset the playground?", text: "Everything MentorBot stored and every message goes; the workspace starts fresh.", confirm: "Reset", style: "danger" }))
      await post("reset", {});
  });
  $("#composer").addEventListener("submit", async (e) => {
    e.preventDefault();
    const input = $("#composer-input");
    const text = input.value;
    if (!text.trim()) return;
    input.value = "";
    await post("command", { channel: ui.conv === "channel" ? ui.data.channel.id : "D" + ui.me, text });
  });
  poll().then(() => { if (ui.conv === "home") post("home", {}); });
  setInterval(poll, 700);
});
