// Loaded before Decap CMS: the project's script (editor.js) registers the formats, widgets and
// previews first and then starts the CMS itself.
window.CMS_MANUAL_INIT = true;
