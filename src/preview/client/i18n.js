// The viewer's messages: fetched once from the server (the same catalogue the command line uses, in
// the project's language), put into every element marked data-i18n / data-i18n-title, and looked up by
// key for the text made while the viewer runs.
let messages = {};

/** Fetch the catalogue and translate the page's fixed text; on failure the English in the HTML stays. */
export async function loadMessages() {
  try {
    const body = await (await fetch('/__zb/messages')).json();
    messages = body.messages;
    document.documentElement.lang = body.lang;
  } catch {
    return;
  }
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-title]')) node.title = t(node.dataset.i18nTitle);
}

/** One message with its `{name}` values filled in; the key itself when the catalogue lacks it. */
export function t(key, values = {}) {
  const template = messages[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}
