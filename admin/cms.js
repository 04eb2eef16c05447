/*
 * Steady Ground's additions to Decap CMS: the "record review" date widget, editor components
 * for the MDX components editors may use (src/lib/mdx/components.ts), preview templates that
 * look like the real pages, and list filters for reviews that are overdue or due soon.
 * Plain browser script on purpose: no bundler, no Vite client (see src/integrations/decap-admin.ts).
 */
(() => {
  var CMS = window.CMS;
  var h = window.h;
  var createClass = window.createClass;
  var R = window.SteadyGroundReview;
  var REVIEW_EVENT = 'steadyground:review-recorded';

  // Mirrors CALLOUT_LEVELS in src/lib/mdx/components.ts (the contract test compares them).
  var CALLOUT_LEVELS = [
    { value: 'non-urgent', label: 'Non-urgent advice' },
    { value: 'urgent', label: 'Urgent advice' },
    { value: 'emergency', label: 'Emergency' },
  ];
  function calloutLabel(level) {
    for (var i = 0; i < CALLOUT_LEVELS.length; i++)
      if (CALLOUT_LEVELS[i].value === level) return CALLOUT_LEVELS[i].label;
    return level;
  }
  function escapeHtml(text) {
    return String(text == null ? '' : text).replace(
      /[&<>"']/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
    );
  }
  function toJs(value) {
    return value && value.toJS ? value.toJS() : value;
  }
  function formatDate(date) {
    if (!R.isPlainDate(date)) return date || '—';
    var p = date.split('-').map(Number);
    return new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' }).format(
      new Date(Date.UTC(p[0], p[1] - 1, p[2])),
    );
  }
  /** Just enough Markdown for a callout body in the preview: paragraphs, lists, bold, italics, links. */
  function miniMarkdown(text) {
    var inline = (s) =>
      escapeHtml(s)
        .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
        .replace(/(^|[^*])\*(?!\s)(.+?)\*/g, '$1<em>$2</em>')
        .replace(/\[([^\]]+)\]\((https?:[^)\s]+|\/[^)\s]*)\)/g, '<a href="$2">$1</a>');
    return String(text || '')
      .trim()
      .split(/\n{2,}/)
      .map((block) => {
        var lines = block.split('\n');
        if (lines.every((l) => /^\s*[-*] /.test(l))) {
          return '<ul>' + lines.map((l) => '<li>' + inline(l.replace(/^\s*[-*] /, '')) + '</li>').join('') + '</ul>';
        }
        if (lines.every((l) => /^\s*\d+\. /.test(l))) {
          return '<ol>' + lines.map((l) => '<li>' + inline(l.replace(/^\s*\d+\. /, '')) + '</li>').join('') + '</ol>';
        }
        return '<p>' + inline(block) + '</p>';
      })
      .join('');
  }

  // ---------------------------------------------------------------- review-date widget
  // A date-only field (YYYY-MM-DD, UTC). On "Last medically reviewed" it offers one button that
  // records a completed review: lastReviewed = today (UTC) and nextReviewDue = today + the policy
  // interval. The two fields are separate widgets, so the button tells its sibling through a DOM event.
  var ReviewDateControl = createClass({
    componentDidMount: function () {
      this.onRecorded = (event) => {
        if (this.props.field.get('role') === 'next-due') this.props.onChange(event.detail.nextReviewDue);
      };
      window.addEventListener(REVIEW_EVENT, this.onRecorded);
    },
    componentWillUnmount: function () {
      window.removeEventListener(REVIEW_EVENT, this.onRecorded);
    },
    isValid: function () {
      var value = this.props.value;
      if (value && !R.isPlainDate(value)) return { error: { message: 'Enter a real date written YYYY-MM-DD.' } };
      return true;
    },
    recordReview: function () {
      var interval = Number(this.props.field.get('interval_months')) || 12;
      var today = R.todayUtc();
      var due = R.addMonths(today, interval);
      this.props.onChange(today);
      this.setState({ recorded: due });
      window.dispatchEvent(new CustomEvent(REVIEW_EVENT, { detail: { lastReviewed: today, nextReviewDue: due } }));
    },
    render: function () {
      var field = this.props.field;
      var role = field.get('role');
      var interval = Number(field.get('interval_months')) || 12;
      var value = this.props.value || '';
      var children = [
        h('input', {
          key: 'input',
          type: 'date',
          id: this.props.forID,
          className: this.props.classNameWrapper,
          value: R.isPlainDate(value) ? value : '',
          onChange: (e) => {
            this.props.onChange(e.target.value || '');
          },
          onFocus: this.props.setActiveStyle,
          onBlur: this.props.setInactiveStyle,
          'data-review-date': role,
        }),
      ];
      if (role === 'last-reviewed') {
        children.push(
          h(
            'div',
            { key: 'actions', className: 'sg-review-actions' },
            h(
              'button',
              {
                type: 'button',
                className: 'sg-record-review',
                onClick: this.recordReview,
              },
              'Record review completed today',
            ),
            h(
              'span',
              { className: 'sg-review-note', role: 'status' },
              this.state && this.state.recorded
                ? 'Reviewed today. Next review due ' +
                    formatDate(this.state.recorded) +
                    ' (' +
                    interval +
                    ' months). Save to keep it.'
                : 'Sets this date to today (UTC) and the next review to ' + interval + ' months later.',
            ),
          ),
        );
      }
      return h('div', { className: 'sg-review-date' }, children);
    },
  });
  var ReviewDatePreview = (props) => h('span', null, formatDate(props.value));
  CMS.registerWidget('review-date', ReviewDateControl, ReviewDatePreview);

  // ---------------------------------------------------------------- editor components
  CMS.registerEditorComponent({
    id: 'callout',
    label: 'Urgency callout',
    fields: [
      {
        name: 'level',
        label: 'How urgent',
        widget: 'select',
        default: 'non-urgent',
        options: CALLOUT_LEVELS,
      },
      {
        name: 'title',
        label: 'What to do (heading)',
        widget: 'string',
        pattern: ['^[^"<>{}]+$', 'Leave out double quotes, angle brackets and braces.'],
      },
      {
        name: 'body',
        label: 'Details',
        widget: 'markdown',
        buttons: ['bold', 'italic', 'link', 'bulleted-list', 'numbered-list'],
        editor_components: [],
      },
    ],
    pattern: /^<Callout level="(non-urgent|urgent|emergency)" title="([^"]*)">\n\n([\s\S]*?)\n\n<\/Callout>/,
    fromBlock: (match) => ({ level: match[1], title: match[2], body: match[3] }),
    toBlock: (data) =>
      '<Callout level="' +
      (data.level || 'non-urgent') +
      '" title="' +
      String(data.title || '').replace(/"/g, '”') +
      '">\n\n' +
      String(data.body || '').trim() +
      '\n\n</Callout>',
    toPreview: (data) =>
      '<div class="callout callout--' +
      escapeHtml(data.level) +
      '"><p class="callout__heading"><span class="callout__level">' +
      escapeHtml(calloutLabel(data.level)) +
      ':</span> ' +
      escapeHtml(data.title) +
      '</p><div class="callout__body">' +
      miniMarkdown(data.body) +
      '</div></div>',
  });

  CMS.registerEditorComponent({
    id: 'helpline-box',
    label: 'Helpline box',
    fields: [],
    pattern: /^<HelplineBox \/>/,
    fromBlock: () => ({}),
    toBlock: () => '<HelplineBox />',
    toPreview: () =>
      '<div class="helpline-box"><p class="helpline-box__title">Need help now? Talk to someone.</p>' +
      '<p class="helpline-box__call"><span class="helpline-box__number">Call the helpline from site settings</span></p></div>',
  });

  // ---------------------------------------------------------------- optional pictures need alt text
  var OPTIONAL_PICTURES = { articles: ['hero', 'Picture at the top'], people: ['photo', 'Photo'] };
  CMS.registerEventListener({
    name: 'preSave',
    handler: (args) => {
      var rule = OPTIONAL_PICTURES[args.entry.get('collection')];
      if (!rule) return undefined;
      var data = args.entry.get('data');
      var verdict = R.optionalImage(toJs(data.get(rule[0])), rule[1]);
      if (verdict.error) throw new Error(verdict.error);
      return verdict.drop && data.has(rule[0]) ? data.delete(rule[0]) : undefined;
    },
  });

  // ---------------------------------------------------------------- previews
  CMS.registerPreviewStyle('preview.css');
  CMS.registerPreviewStyle('cms-preview.css');

  function personName(props, field, id) {
    var meta = props.fieldsMetaData && props.fieldsMetaData.getIn([field, 'people', id]);
    if (meta && meta.get) {
      var credentials = meta.get('credentials');
      var list = credentials && credentials.toJS ? credentials.toJS() : [];
      return [meta.get('name')].concat(list).join(', ');
    }
    return id || '(not chosen yet)';
  }
  var ArticlePreview = createClass({
    render: function () {
      var props = this.props;
      var data = props.entry.get('data');
      var get = (key) => toJs(data.get(key));
      var hero = get('hero');
      var heroSrc = hero && hero.image ? props.getAsset(hero.image) : null;
      var takeaways = get('keyTakeaways') || [];
      var sources = get('sources') || [];
      var label =
        { substances: 'Substances', withdrawal: 'Withdrawal', treatment: 'Treatment', recovery: 'Recovery' }[
          get('category')
        ] || get('category');
      return h(
        'div',
        { className: 'container article-layout' },
        get('draft') ? h('p', { className: 'sg-preview-draft' }, 'Draft: this page is not built into the site.') : null,
        h(
          'nav',
          { className: 'breadcrumbs', 'aria-label': 'Breadcrumb' },
          h('ol', null, h('li', null, 'Home'), h('li', null, label || 'Category')),
        ),
        h(
          'article',
          { className: 'article' },
          h(
            'header',
            { className: 'article__header' },
            h('h1', null, get('title') || 'Untitled'),
            h('p', { className: 'article__lede' }, get('description')),
            h(
              'div',
              { className: 'byline' },
              h(
                'p',
                { className: 'byline__reviewed' },
                h('span', { className: 'byline__badge', 'aria-hidden': 'true' }, '✓'),
                ' Medically reviewed by ',
                h('a', { className: 'byline__reviewer' }, personName(props, 'reviewer', get('reviewer'))),
                ' on ' + formatDate(get('lastReviewed')) + '. ',
                h('a', null, 'How we review pages'),
              ),
              h(
                'p',
                { className: 'byline__author' },
                'Written by ',
                h('a', { className: 'byline__author-name' }, personName(props, 'author', get('author'))),
              ),
            ),
          ),
          heroSrc ? h('img', { className: 'article__hero', src: heroSrc.toString(), alt: hero.alt || '' }) : null,
          takeaways.length
            ? h(
                'section',
                { className: 'key-takeaways' },
                h('h2', { className: 'key-takeaways__heading' }, 'Key takeaways'),
                h(
                  'ul',
                  null,
                  takeaways.map((t, i) => h('li', { key: i }, t)),
                ),
              )
            : null,
          h('div', { className: 'prose' }, props.widgetFor('body')),
          sources.length
            ? h(
                'section',
                { className: 'sources' },
                h('h2', null, 'Sources'),
                h(
                  'ol',
                  { className: 'sources__list' },
                  sources.map((s, i) =>
                    h(
                      'li',
                      { key: i },
                      h('cite', null, h('a', { href: s.url, rel: 'noopener' }, s.title)),
                      '. ' + (s.publisher || '') + ', ' + (s.year || '') + '. Accessed ' + formatDate(s.accessed) + '.',
                    ),
                  ),
                ),
              )
            : null,
          h(
            'dl',
            { className: 'review-dates' },
            h('div', null, h('dt', null, 'Page last reviewed'), h('dd', null, formatDate(get('lastReviewed')))),
            h('div', null, h('dt', null, 'Next review due'), h('dd', null, formatDate(get('nextReviewDue')))),
            h('div', null, h('dt', null, 'First published'), h('dd', null, formatDate(get('published')))),
            get('updated') && get('updated') !== get('published')
              ? h('div', null, h('dt', null, 'Last updated'), h('dd', null, formatDate(get('updated'))))
              : null,
          ),
        ),
      );
    },
  });

  var PersonPreview = createClass({
    render: function () {
      var data = toJs(this.props.entry.get('data')) || {};
      return h(
        'div',
        { className: 'container' },
        h('h1', null, [data.name].concat(data.credentials || []).join(', ')),
        h('p', { className: 'article__lede' }, data.jobTitle),
        data.sample ? h('p', null, h('strong', null, 'Fictional sample person.')) : null,
        h('p', null, data.bio),
        (data.roles || []).length ? h('p', null, 'Roles: ' + data.roles.join(', ')) : null,
      );
    },
  });

  var PagePreview = createClass({
    render: function () {
      var data = this.props.entry.get('data');
      return h(
        'div',
        { className: 'container' },
        h(
          'article',
          { className: 'article' },
          h('h1', null, data.get('title')),
          h('p', { className: 'article__lede' }, data.get('description')),
          h('div', { className: 'prose' }, this.props.widgetFor('body')),
        ),
      );
    },
  });

  CMS.registerPreviewTemplate('articles', ArticlePreview);
  CMS.registerPreviewTemplate('people', PersonPreview);
  CMS.registerPreviewTemplate('pages', PagePreview);

  // ---------------------------------------------------------------- start with today's filters
  var MARKER = /^( *)# Overdue and due-soon filters are added in the browser.*$/m;
  function start() {
    fetch('config.yml', { cache: 'no-cache' })
      .then((response) => {
        if (!response.ok) throw new Error('config.yml: HTTP ' + response.status);
        return response.text();
      })
      .then((text) => {
        var match = MARKER.exec(text);
        var days = /\bwarning_days:\s*(\d+)/.exec(text);
        if (match) {
          var yaml = R.dueFiltersYaml(R.todayUtc(), days ? Number(days[1]) : 60, match[1]);
          var filters = yaml.replace(/\n$/, '');
          text = text.replace(MARKER, () => filters);
        }
        var link = document.createElement('link');
        link.rel = 'cms-config-url';
        link.type = 'text/yaml';
        link.href = URL.createObjectURL(new Blob([text], { type: 'text/yaml' }));
        document.head.appendChild(link);
      })
      .catch((error) => {
        console.warn('Review filters not added; using config.yml as it is.', error);
      })
      .then(() => {
        CMS.init();
      });
  }
  start();
})();
