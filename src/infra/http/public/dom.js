// Building elements, shared by the simulator and the console.

/**
 * An element with attributes (`on…` adds a listener; null, undefined and false are left out)
 * and children nested to any depth: lists of lists are appended element by element, never as
 * their string form.
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const child of children.flat(Number.POSITIVE_INFINITY)) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}
