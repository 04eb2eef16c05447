// Loaded before decap-cms.js: cms.js starts the CMS itself once it has added today's review filters.
window.CMS_MANUAL_INIT = true;
