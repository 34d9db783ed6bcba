// Small DOM helpers shared by the chart's parts. No innerHTML anywhere: text goes in as text.

export function create(tag, parent, className, text) {
  var node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  if (parent) parent.appendChild(node);
  return node;
}

export function button(parent, text, pressed) {
  var node = create('button', parent, '', text);
  node.type = 'button';
  if (pressed !== undefined) node.setAttribute('aria-pressed', String(pressed));
  return node;
}

/** Sets a node's text in place (one text node, edited), so unchanged text costs no relayout. */
export function setText(node, text) {
  var child = node.firstChild;
  if (!child) node.appendChild(document.createTextNode(text));
  else if (child.data !== text) child.data = text;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/** Saves a blob under a file name, through a temporary link. */
export function download(blob, name) {
  var url = URL.createObjectURL(blob);
  var link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
}

export function matches(query) {
  return !!(window.matchMedia && window.matchMedia(query).matches);
}
