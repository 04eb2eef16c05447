// Loaded before decap-cms.js: the admin starts Decap itself (main.ts) once it has today's review filters.
(window as unknown as { CMS_MANUAL_INIT: boolean }).CMS_MANUAL_INIT = true;
