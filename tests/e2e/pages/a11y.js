// ?zoom applies a CSS transform to <body>, the way a 无障碍工具条 enlarges a page.
document.addEventListener('DOMContentLoaded', function () {
  if (new URLSearchParams(location.search).has('zoom')) document.body.classList.add('zoomed');
});
