// A moved page's redirect keeps the #anchor the reader came with.
const target = document.querySelector('link[rel="canonical"]');
if (target) location.replace(new URL(target.getAttribute("href"), location.href).href.split("#")[0] + location.hash);
