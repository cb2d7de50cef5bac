// The sandbox's Checkout front end: the real Checkout's routes, element ids, texts and backend calls,
// written as a small single-page app. State lives in sessionStorage, as in the real one; settings
// come from `window._env_` (env-config.js); card data only ever lives in the gateway's iframes.
(() => {
  const env = window._env_;
  const TEXTS = window.CHECKOUT_TEXTS;
  const API = env.CHECKOUT_PAGOPA_APIM_HOST;
  const V1 = `${API}${env.CHECKOUT_API_ECOMMERCE_BASEPATH}`;
  const V2 = `${API}${env.CHECKOUT_API_ECOMMERCE_BASEPATH_V2}`;
  const root = document.getElementById('root');

  // ---- language ------------------------------------------------------------------------------
  /** `table[name]` only for the table's own entries: names from outside (`?lng=`, backend answers,
   * gateway messages) such as `constructor` or `__proto__` are unknown, not Object.prototype's. */
  const own = (table, name) => (table !== null && typeof table === 'object' && Object.hasOwn(table, name) ? table[name] : undefined);
  const pickLanguage = () => {
    const candidates = [localStorage.getItem('i18nextLng'), new URLSearchParams(location.search).get('lng'), (navigator.language || '').slice(0, 2)];
    return candidates.find((l) => l && own(TEXTS, l)) || 'it';
  };
  let lang = pickLanguage();
  const t = (key, vars = {}) => {
    const text = key.split('.').reduce((o, k) => own(o, k), TEXTS[lang]);
    return String(typeof text === 'string' ? text : key).replace(/\{(\w+)\}/g, (_, k) => own(vars, k));
  };
  // Amounts are always formatted it-IT, whatever the language.
  const euro = (cents) => new Intl.NumberFormat('it-IT', { style: 'currency', currency: 'EUR' }).format(cents / 100);

  // ---- state -----------------------------------------------------------------------------------
  const store = {
    get: (key) => {
      const value = sessionStorage.getItem(key);
      return value === null ? undefined : JSON.parse(value);
    },
    set: (key, value) => sessionStorage.setItem(key, JSON.stringify(value)),
  };

  // ---- DOM helpers -------------------------------------------------------------------------------
  const h = (tag, attrs = {}, ...children) => {
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) {
      if (value === undefined || value === false || value === null) continue;
      if (name.startsWith('on')) el.addEventListener(name.slice(2).toLowerCase(), value);
      else if (value === true) el.setAttribute(name, '');
      else el.setAttribute(name, String(value));
    }
    for (const child of children.flat()) if (child !== undefined && child !== null && child !== false) el.append(child);
    return el;
  };
  const icon = (testId) => h('span', { 'data-testid': testId, class: 'icon', 'aria-hidden': 'true' });
  const button = (id, text, onclick, attrs = {}) =>
    h('button', { id, type: 'button', class: attrs.secondary ? 'secondary' : 'primary', onclick, ...attrs, secondary: undefined }, text);

  /** Renders a page: `<h1>` title (unless `title` is null) and `document.title` "<title> - pagoPA". */
  const page = (title, ...content) => {
    document.title = `${title} - pagoPA`;
    root.replaceChildren(h('div', { class: 'page' }, cartSummary(), ...content));
  };
  const pageWithTitle = (title, ...content) => page(title, h('h1', {}, title), ...content);

  let modalCloser;
  /** A modal dialog; `ids` name its title, body and error-code elements. */
  const modal = ({ ids, title, body, code, buttons }) => {
    modalCloser?.();
    const dialog = h(
      'div',
      { class: 'backdrop' },
      h(
        'div',
        { role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': ids.title, class: 'dialog' },
        h('h2', { id: ids.title }, title),
        body ? h('p', { id: ids.body }, body) : null,
        code ? h('div', { class: 'code' }, h('p', {}, t('errorCode')), h('p', { id: ids.code }, code)) : null,
        h('div', { class: 'actions' }, ...buttons),
      ),
    );
    document.body.append(dialog);
    modalCloser = () => {
      dialog.remove();
      modalCloser = undefined;
    };
    return modalCloser;
  };
  const closeModal = () => modalCloser?.();

  // ---- backend ---------------------------------------------------------------------------------
  const recaptcha = () => window.grecaptcha.execute();
  const api = async (url, { method = 'GET', headers = {}, body } = {}) => {
    const response = await fetch(url, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(Number(env.CHECKOUT_API_TIMEOUT)),
    });
    const text = await response.text();
    let json;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, ok: response.ok, body: json, retryAfter: response.headers.get('retry-after') };
  };
  const bearer = () => ({ Authorization: `Bearer ${store.get('transaction').authToken}` });
  let flags;
  const featureFlags = async () => {
    if (!flags) flags = (await api(`${API}${env.CHECKOUT_API_FEATURE_FLAGS_BASEPATH}/features/values`)).body || {};
    return flags;
  };

  // ---- cart (a payment started by the EC's portal: /c/<cartId>) --------------------------------
  const currentCart = () => store.get('cart');
  /** The notices being paid: the cart's, or the one verified notice. */
  const payable = () => {
    const cart = currentCart();
    if (cart) return cart.paymentNotices.map((n) => ({ rptId: n.fiscalCode + n.noticeNumber, amount: n.amount, fiscalCode: n.fiscalCode }));
    const info = store.get('paymentInfo');
    const rpt = store.get('rptId');
    // The single-notice pages are guarded by `paymentInfo`, as before carts (the rptId is read when activating).
    return info ? [{ rptId: rpt?.rptId, amount: info.amount, fiscalCode: info.paFiscalCode }] : undefined;
  };
  /** As guard(), and there must be notices to pay (a cart, or a verified notice); otherwise home. */
  const guardPayable = (...keys) => {
    if (payable()) return guard(...keys);
    navigate('/', { replace: true });
    return false;
  };
  /** Leaves Checkout for the cart's return URL of `kind` (ok, cancel, error), or goes home without a cart. */
  const leave = (kind) => {
    const url = currentCart()?.returnUrls?.[kind];
    if (typeof url === 'string') location.replace(url);
    else navigate('/');
  };
  /** The header's cart drawer: a button with the total opens the notices (`#paynotice-<i>`) and a close button. */
  function cartSummary() {
    const cart = currentCart();
    if (!cart) return null;
    const total = cart.paymentNotices.reduce((sum, n) => sum + n.amount, 0);
    const show = (open) => {
      details.hidden = !open;
      toggle.setAttribute('aria-expanded', String(open));
    };
    const details = h(
      'div',
      { id: 'cartDrawer', class: 'cart-drawer', role: 'dialog', 'aria-label': t('cartTitle'), hidden: true },
      h('button', { type: 'button', class: 'link', 'aria-label': t('close'), onclick: () => show(false) }, '×'),
      ...cart.paymentNotices.map((n, i) =>
        h(
          'div',
          { id: `paynotice-${i}`, class: 'paynotice' },
          h('strong', {}, n.description),
          h('span', {}, n.companyName),
          h('span', { class: 'amount' }, euro(n.amount)),
          h(
            'dl',
            {},
            row(t('cartAmount'), euro(n.amount)),
            row(t('subject'), n.description),
            row(t('payee'), n.companyName),
            row(t('cartNoticeNumber'), n.noticeNumber),
            row(t('cartFiscalCode'), n.fiscalCode),
          ),
        ),
      ),
    );
    const toggle = h(
      'button',
      { type: 'button', class: 'cart-toggle', 'aria-label': t('openCart'), 'aria-expanded': 'false', onclick: () => show(details.hidden) },
      euro(total),
    );
    return h('div', { class: 'cart', 'data-testid': 'cart' }, toggle, details);
  }

  // ---- router ----------------------------------------------------------------------------------
  const navigate = (path, { replace = false } = {}) => {
    closeModal();
    history[replace ? 'replaceState' : 'pushState']({}, '', path);
    render();
  };
  const guard = (...keys) => {
    if (keys.every((key) => store.get(key) !== undefined)) return true;
    navigate('/', { replace: true });
    return false;
  };
  document.addEventListener('click', (event) => {
    const link = event.target.closest?.('a[data-route]');
    if (!link) return;
    event.preventDefault();
    navigate(link.getAttribute('href'));
  });
  window.addEventListener('popstate', () => render());

  // ---- pages -----------------------------------------------------------------------------------
  function indexPage() {
    sessionStorage.clear();
    pageWithTitle(
      t('indexTitle'),
      h('p', {}, t('indexBody')),
      h(
        'div',
        { class: 'tiles' },
        h(
          'a',
          { href: '/inserisci-dati-avviso', 'data-route': '', role: 'link', class: 'tile' },
          icon('KeyboardIcon'),
          h('strong', {}, t('manualTitle')),
          h('span', {}, t('manualBody')),
        ),
        h(
          'a',
          { href: '/leggi-codice-qr', 'data-route': '', role: 'link', class: 'tile' },
          icon('QrCodeScannerIcon'),
          h('strong', { id: 'qrCTA' }, t('qrTitle')),
          h('span', {}, t('qrBody')),
        ),
      ),
    );
  }

  function qrPage() {
    pageWithTitle(t('qrTitle'), h('p', { role: 'alert' }, t('qrUnavailable')), h('a', { href: '/inserisci-dati-avviso', 'data-route': '' }, t('qrManual')));
  }

  /** A text field: `id` on the input, `data-testid` on its wrapper, helper text as an alert. */
  const textField = (id, label, attrs = {}) => {
    const input = h('input', { id, name: id, 'aria-describedby': `${id}-helper-text`, ...attrs });
    const helper = h('p', { id: `${id}-helper-text`, class: 'helper', role: 'alert' });
    const wrapper = h('div', { class: 'field', 'data-testid': id }, h('label', { for: id }, label), input, helper);
    const setError = (message) => {
      helper.textContent = message || '';
      input.setAttribute('aria-invalid', message ? 'true' : 'false');
      wrapper.classList.toggle('invalid', Boolean(message));
    };
    return { wrapper, input, setError };
  };

  const FAULT_MODAL_IDS = { title: 'verifyPaymentTitleError', body: 'verifyPaymentBodyError', code: 'verifyPaymentErrorId' };
  /** The modal of a Nodo fault (verify, activation): texts by category, the code where support needs it. */
  const faultModal = (error, ids, onClose = closeModal) => {
    const faults = TEXTS[lang].fault;
    const [title, body] = own(faults, error?.faultCodeCategory) ?? faults.GENERIC_ERROR;
    const withCode = body === null;
    const close = button('closeError', t('close'), onClose, { secondary: withCode });
    const support = button('closeError', t('contactSupport'), onClose, { secondary: !withCode });
    modal({
      ids,
      title,
      body: withCode ? undefined : body,
      code: withCode ? error.faultCodeDetail : undefined,
      buttons: withCode ? [support, close] : [close, support],
    });
  };

  function noticePage(deepLinkRptId) {
    const billCode = textField('billCode', t('billCode'), { inputmode: 'numeric', autocomplete: 'off' });
    const cf = textField('cf', t('cf'), { inputmode: 'numeric', autocomplete: 'off' });
    const continueButton = h('button', { id: 'paymentNoticeButtonContinue', type: 'submit', class: 'primary' }, t('continue'));
    const errors = () => ({
      billCode: billCode.input.value === '' ? t('required') : /^\d{18}$/.test(billCode.input.value) ? undefined : t('billCodeInvalid'),
      cf: cf.input.value === '' ? t('required') : /^\d{11}$/.test(cf.input.value) ? undefined : t('cfInvalid'),
    });
    const touched = new Set();
    const showErrors = () => {
      const e = errors();
      billCode.setError(touched.has('billCode') ? e.billCode : undefined);
      cf.setError(touched.has('cf') ? e.cf : undefined);
      return !e.billCode && !e.cf;
    };
    for (const [name, field] of [
      ['billCode', billCode],
      ['cf', cf],
    ]) {
      field.input.addEventListener('input', () => {
        field.input.value = field.input.value.replace(/\s/g, '');
        showErrors();
      });
      field.input.addEventListener('blur', () => {
        touched.add(name);
        showErrors();
      });
    }
    const verify = async (rptId, { fromDeepLink }) => {
      continueButton.disabled = true;
      continueButton.replaceChildren(h('span', { class: 'spinner', role: 'progressbar', 'aria-label': t('loading') }));
      try {
        const res = await api(`${V1}/payment-requests/${rptId}?recaptchaResponse=${encodeURIComponent(await recaptcha())}`);
        if (res.status === 200) {
          store.set('paymentInfo', res.body);
          store.set('rptId', { rptId, billCode: rptId.slice(11), cf: rptId.slice(0, 11) });
          return navigate('/dati-pagamento', { replace: fromDeepLink });
        }
        faultModal(res.status === 400 ? {} : res.body, FAULT_MODAL_IDS);
      } catch {
        faultModal({}, FAULT_MODAL_IDS);
      } finally {
        continueButton.disabled = false;
        continueButton.replaceChildren(t('continue'));
      }
    };
    const form = h(
      'form',
      {
        novalidate: true,
        onsubmit: (event) => {
          event.preventDefault();
          touched.add('billCode').add('cf');
          if (showErrors()) verify(cf.input.value + billCode.input.value, { fromDeepLink: false });
        },
      },
      billCode.wrapper,
      cf.wrapper,
      h(
        'div',
        { class: 'actions' },
        button('paymentNoticeButtonCancel', t('back'), () => navigate('/'), { secondary: true }),
        continueButton,
      ),
    );
    pageWithTitle(t('noticeTitle'), h('p', {}, t('noticeBody')), form);
    if (deepLinkRptId) {
      billCode.input.value = deepLinkRptId.slice(11);
      cf.input.value = deepLinkRptId.slice(0, 11);
      verify(deepLinkRptId, { fromDeepLink: true });
    }
  }

  const row = (label, value, extra) => h('div', { class: 'row' }, h('dt', {}, label), h('dd', {}, value, extra));

  function summaryPage() {
    if (!guard('paymentInfo', 'rptId')) return;
    const info = store.get('paymentInfo');
    const notice = store.get('rptId');
    pageWithTitle(
      t('summaryTitle'),
      h(
        'dl',
        { class: 'summary' },
        row(t('payee'), info.paName),
        row(t('subject'), info.description),
        row(t('amountUpdated'), euro(info.amount), h('button', { id: 'infoButton', type: 'button', class: 'info', 'aria-label': t('amountInfo') }, 'i')),
        row(t('billCode'), notice.billCode),
        row(t('cf'), notice.cf),
      ),
      h(
        'div',
        { class: 'actions' },
        button('paymentSummaryButtonBack', t('back'), () => navigate('/inserisci-dati-avviso'), { secondary: true }),
        button('paymentSummaryButtonPay', t('goToPayment'), () => navigate('/inserisci-email')),
      ),
    );
  }

  function emailPage() {
    if (!currentCart() && !guard('paymentInfo', 'rptId')) return;
    const email = textField('email', t('email'), { type: 'email', autocomplete: 'email' });
    const confirm = textField('confirmEmail', t('confirmEmail'), { type: 'email', autocomplete: 'off' });
    email.input.value = store.get('useremail') ?? '';
    const validate = () => {
      const a = email.input.value.trim();
      const b = confirm.input.value.trim();
      const emailError = a === '' ? t('required') : /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(a) ? undefined : t('emailInvalid');
      const confirmError = b === '' ? t('required') : b !== a ? t('emailMismatch') : undefined;
      email.setError(emailError);
      confirm.setError(confirmError);
      return !emailError && !confirmError;
    };
    const form = h(
      'form',
      {
        novalidate: true,
        onsubmit: (event) => {
          event.preventDefault();
          if (!validate()) return;
          store.set('useremail', email.input.value.trim());
          navigate('/scegli-metodo');
        },
      },
      email.wrapper,
      confirm.wrapper,
      h(
        'div',
        { class: 'actions' },
        h(
          'button',
          { type: 'button', class: 'secondary', onclick: () => (currentCart() ? leave('returnCancelUrl') : navigate('/dati-pagamento')) },
          t('goBack'),
        ),
        h('button', { id: 'paymentEmailPageButtonContinue', type: 'submit', class: 'primary' }, t('continue')),
      ),
    );
    pageWithTitle(t('emailTitle'), h('p', {}, t('emailBody')), form);
  }

  const genericErrorThenKo = (ids) =>
    modal({ ids, title: t('koTitle'), body: t('koBody'), buttons: [button('closeError', t('close'), () => navigate('/errore'))] });

  async function methodPage() {
    if (!guardPayable('useremail')) return;
    const list = h('div', { class: 'methods', role: 'list' });
    const none = h('p', { id: 'noPaymentMethodsMessage', hidden: true }, t('noMethods'));
    const filter = h('input', { id: 'paymentMethodsFilter', type: 'search', placeholder: t('methodFilter'), 'aria-label': t('methodFilter') });
    pageWithTitle(t('methodTitle'), h('div', { class: 'field' }, filter), list, none);
    const notices = payable();
    const res = await api(`${V2}/payment-methods`, {
      method: 'POST',
      body: {
        userTouchpoint: currentCart() ? 'CHECKOUT_CART' : 'CHECKOUT',
        userDevice: 'WEB',
        totalAmount: notices.reduce((sum, n) => sum + n.amount, 0),
        language: lang.toUpperCase(),
        sortBy: 'DESCRIPTION',
        sortOrder: 'ASC',
        priorityGroups: ['CP'],
        paymentNotice: notices.map((n) => ({ paymentAmount: n.amount, primaryCreditorInstitution: n.fiscalCode })),
      },
    }).catch(() => ({ ok: false }));
    if (!res.ok) return genericErrorThenKo({ title: 'paymentMethodsErrorTitle', body: 'paymentMethodsErrorBody' });
    const methods = res.body.paymentMethods.filter((m) => m.status === 'ENABLED');
    const show = () => {
      const term = filter.value.trim().toLowerCase();
      const shown = methods.filter((m) => (m.description[lang.toUpperCase()] ?? m.description.IT).toLowerCase().includes(term));
      list.replaceChildren(
        ...shown.map((m) =>
          h(
            'button',
            {
              type: 'button',
              class: 'method',
              role: 'listitem',
              'data-qaid': m.paymentTypeCode,
              'data-qalabel': 'payment-method',
              onclick: () => {
                store.set('paymentMethod', { paymentMethodId: m.id, paymentTypeCode: m.paymentTypeCode });
                navigate('/inserisci-carta');
              },
            },
            h('strong', {}, m.description[lang.toUpperCase()] ?? m.description.IT),
            h('span', { 'data-testid': 'feeRange' }, t('feeRange', { min: euro(m.feeRange.min), max: euro(m.feeRange.max) })),
          ),
        ),
      );
      none.hidden = shown.length > 0;
    };
    filter.addEventListener('input', show);
    show();
  }

  const CARD_FIELDS = [
    ['CARD_NUMBER', 'cardNumber'],
    ['EXPIRATION_DATE', 'expiry'],
    ['SECURITY_CODE', 'cvv'],
    ['CARDHOLDER_NAME', 'holder'],
  ];
  const CARD_ERROR_IDS = { title: 'iframeCardFormErrorTitleId', body: 'iframeCardFormErrorBodyId', code: 'iframeCardFormErrorId' };

  const loadSdk = () =>
    window.Build
      ? Promise.resolve()
      : new Promise((resolve, reject) => document.head.append(h('script', { src: env.CHECKOUT_NPG_SDK_URL, onload: resolve, onerror: reject })));

  async function cardPage() {
    if (!guardPayable('useremail', 'paymentMethod')) return;
    const method = store.get('paymentMethod');
    const submit = h('button', { id: 'submit', type: 'submit', class: 'primary', disabled: true }, t('continue'));
    const box = h('div', { class: 'card-fields', 'aria-busy': 'true' });
    const form = h(
      'form',
      { novalidate: true, onsubmit: (event) => event.preventDefault() },
      box,
      h('a', { id: 'helpLink', href: '#', class: 'help' }, t('cvvHelp')),
      h(
        'div',
        { class: 'actions' },
        button('cancel', t('back'), () => navigate('/scegli-metodo'), { secondary: true }),
        submit,
      ),
    );
    pageWithTitle(t('cardTitle'), form);
    const res = await api(`${V1}/payment-methods/${method.paymentMethodId}/sessions`, { method: 'POST', headers: { lang } }).catch(() => ({ ok: false }));
    const fields = res.ok ? res.body.paymentMethodData?.form : undefined;
    if (!fields || !CARD_FIELDS.every(([id]) => fields.some((f) => f.id === id && typeof f.src === 'string'))) return navigate('/errore');
    store.set('orderId', res.body.orderId);
    store.set('correlationId', res.body.correlationId);
    const hints = {};
    box.replaceChildren(
      ...CARD_FIELDS.map(([id, label]) => {
        hints[id] = h('p', { id: `frame_${id}_hint`, class: 'helper', role: 'alert' });
        return h(
          'div',
          { class: 'field card-field' },
          h('label', { for: `frame_${id}` }, t(label)),
          h('iframe', { id: `frame_${id}`, title: t(label), src: fields.find((f) => f.id === id).src }),
          hints[id],
        );
      }),
    );
    const valid = new Set();
    const refresh = () => {
      submit.disabled = valid.size !== CARD_FIELDS.length;
    };
    const fail = () =>
      modal({ ids: CARD_ERROR_IDS, title: t('koTitle'), body: t('koBody'), buttons: [button('closeError', t('close'), () => navigate('/errore'))] });
    const activate = async () => {
      try {
        const activation = await api(`${V2}/transactions?recaptchaResponse=${encodeURIComponent(await recaptcha())}`, {
          method: 'POST',
          headers: { 'x-correlation-id': store.get('correlationId'), 'x-client-id-from-client': currentCart() ? 'CHECKOUT_CART' : 'CHECKOUT' },
          body: {
            paymentNotices: payable().map(({ rptId, amount }) => ({ rptId, amount })),
            email: store.get('useremail'),
            orderId: store.get('orderId'),
          },
        });
        if (!activation.ok) {
          if (activation.status === 400) return fail();
          return faultModal(activation.body, CARD_ERROR_IDS, () => navigate('/errore'));
        }
        store.set('transaction', activation.body);
        const card = await api(`${V1}/payment-methods/${method.paymentMethodId}/sessions/${store.get('orderId')}`, {
          headers: { ...bearer(), 'x-transaction-id-from-client': activation.body.transactionId },
        });
        if (!card.ok) return fail();
        store.set('sessionPayment', card.body);
        navigate('/lista-psp');
      } catch {
        fail();
      }
    };
    try {
      await loadSdk();
      const build = new window.Build({
        onAllFieldsLoaded: () => box.setAttribute('aria-busy', 'false'),
        // Only the four fields count: any other id the SDK might name is ignored.
        onBuildSuccess: ({ id }) => {
          if (!own(hints, id)) return;
          valid.add(id);
          hints[id].textContent = '';
          refresh();
        },
        onBuildError: ({ id, errorCode }) => {
          if (!own(hints, id)) return;
          valid.delete(id);
          hints[id].textContent = own(TEXTS[lang].cardErrors, errorCode) ?? '';
          refresh();
        },
        onConfirmError: () => fail(),
        onBuildFlowStateChange: (_event, state) => {
          if (state === 'READY_FOR_PAYMENT') activate();
          else navigate('/errore');
        },
        cssLink: `${location.origin}/static/style.css`,
        defaultComponentCssClassName: 'card-input',
        defaultContainerCssClassName: 'card-container',
      });
      submit.addEventListener('click', () => {
        submit.disabled = true;
        submit.replaceChildren(h('span', { class: 'spinner', role: 'progressbar', 'aria-label': t('loading') }));
        build.confirmData(() => {});
      });
    } catch {
      navigate('/errore');
    }
  }

  async function pspPage() {
    if (!guardPayable('transaction', 'paymentMethod')) return;
    const transaction = store.get('transaction');
    const method = store.get('paymentMethod');
    const card = store.get('sessionPayment');
    const res = await api(`${V2}/payment-methods/${method.paymentMethodId}/fees?maxOccurrences=2147483647`, {
      method: 'POST',
      headers: { ...bearer(), 'x-transaction-id-from-client': transaction.transactionId },
      body: {
        bin: card?.bin,
        touchpoint: 'CHECKOUT',
        paymentNotices: transaction.payments.map((p) => ({
          paymentAmount: p.amount,
          primaryCreditorInstitution: p.rptId.slice(0, 11),
          transferList: p.transferList.map((tr) => ({
            creditorInstitution: tr.paFiscalCode,
            digitalStamp: tr.digitalStamp,
            transferCategory: tr.transferCategory,
          })),
        })),
        isAllCCP: transaction.payments.every((p) => p.isAllCCP),
        idPspList: [],
      },
    }).catch(() => ({ ok: false, status: 0 }));
    if (res.status === 404) {
      return modal({
        ids: { title: 'pspNotFoundTitleId', body: 'pspNotFoundBodyId' },
        title: t('pspNotFoundTitle'),
        body: t('pspNotFoundBody'),
        buttons: [button('pspNotFoundCtaId', t('chooseAnother'), () => navigate('/scegli-metodo'))],
      });
    }
    if (!res.ok) return genericErrorThenKo({ title: 'pspListTitleError', body: 'pspListBodyError' });
    const bundles = res.body.bundles;
    const choose = (bundle, replace) => {
      store.set('pspSelected', bundle);
      navigate('/riepilogo-pagamento', { replace });
    };
    const flagsNow = await featureFlags();
    if (bundles.length === 1 || !flagsNow.isPspPickerPageEnabled) return choose(bundles[0], true);
    let selected;
    const continueButton = button('paymentPspListPageButtonContinue', t('continue'), () => choose(selected), { disabled: true });
    const group = h(
      'div',
      { role: 'radiogroup', class: 'psps' },
      ...bundles.map((b) =>
        h(
          'label',
          { class: 'psp' },
          h('input', {
            type: 'radio',
            name: 'psp',
            id: `psp-radio-${b.idPsp}`,
            'aria-label': b.pspBusinessName,
            value: b.idPsp,
            onchange: () => {
              selected = b;
              continueButton.disabled = false;
            },
          }),
          h('span', { class: 'pspFeeName' }, b.pspBusinessName),
          h('span', { class: 'pspFeeValue' }, euro(b.taxPayerFee)),
        ),
      ),
    );
    pageWithTitle(
      t('pspTitle'),
      h('p', {}, t('pspBody')),
      group,
      h(
        'div',
        { class: 'actions' },
        button('paymentPspListPageButtonBack', t('back'), () => navigate('/inserisci-carta'), { secondary: true }),
        continueButton,
      ),
    );
  }

  function checkPage() {
    if (!guard('transaction', 'pspSelected', 'sessionPayment')) return;
    const transaction = store.get('transaction');
    const psp = store.get('pspSelected');
    const card = store.get('sessionPayment');
    const amount = transaction.payments.reduce((sum, p) => sum + p.amount, 0);
    const total = amount + psp.taxPayerFee;
    const payButton = button('paymentCheckPageButtonPay', t('pay', { amount: euro(total) }), async () => {
      payButton.disabled = true;
      try {
        let res;
        // The client retries server errors, as the real one does.
        for (let attempt = 0; attempt < 10; attempt++) {
          res = await api(`${V1}/transactions/${transaction.transactionId}/auth-requests`, {
            method: 'POST',
            headers: { ...bearer(), lang },
            body: {
              amount,
              fee: psp.taxPayerFee,
              paymentInstrumentId: store.get('paymentMethod').paymentMethodId,
              pspId: psp.idPsp,
              isAllCCP: transaction.payments.every((p) => p.isAllCCP),
              language: lang.toUpperCase(),
              details: { detailType: 'cards', orderId: store.get('orderId') },
            },
          });
          if (res.status < 500) break;
          await new Promise((resolve) => setTimeout(resolve, 1000));
        }
        if (!res.ok) return genericErrorThenKo({ title: 'idTitleErrorModalPaymentCheckPage', body: 'idBodyErrorModalPaymentCheckPage' });
        const target = new URL(res.body.authorizationUrl, location.origin);
        if (target.origin === location.origin) navigate(`${target.pathname}${target.search}${target.hash}`);
        else location.replace(target.href);
      } catch {
        genericErrorThenKo({ title: 'idTitleErrorModalPaymentCheckPage', body: 'idBodyErrorModalPaymentCheckPage' });
      }
    });
    const cancel = () =>
      modal({
        ids: { title: 'cancelPaymentTitle', body: 'cancelPaymentBody' },
        title: t('cancelTitle'),
        body: t('cancelBody'),
        buttons: [
          button('cancel', t('stay'), closeModal, { secondary: true }),
          button('confirm', t('exit'), async () => {
            const res = await api(`${V1}/transactions/${transaction.transactionId}`, { method: 'DELETE', headers: bearer() }).catch(() => ({ ok: false }));
            if (res.ok) navigate('/annullato');
            else genericErrorThenKo({ title: 'cancelPaymentErrorTitle', body: 'cancelPaymentErrorBody' });
          }),
        ],
      });
    page(
      t('total'),
      h(
        'dl',
        { class: 'summary' },
        row(t('total'), h('strong', { id: 'totalAmount' }, euro(total))),
        row(
          t('payWith'),
          `· · · · ${card.lastFourDigits} ${card.expiringDate}`,
          h('button', { id: 'cardEdit', type: 'button', class: 'link', 'aria-label': t('editCard'), onclick: () => navigate('/scegli-metodo') }, t('edit')),
        ),
        row(
          t('fee'),
          h('span', {}, euro(psp.taxPayerFee), h('small', {}, ` ${t('appliedBy', { psp: psp.pspBusinessName })}`)),
          h('button', { id: 'pspEdit', type: 'button', class: 'link', 'aria-label': t('editPsp'), onclick: () => navigate('/lista-psp') }, t('edit')),
        ),
      ),
      h('p', {}, t('sendOutcomeTo', { email: store.get('useremail') })),
      h('div', { class: 'actions' }, button('paymentCheckPageButtonCancel', t('cancel'), cancel, { secondary: true }), payButton),
    );
  }

  function gdiPage() {
    if (!guard('orderId', 'transaction')) return;
    const encoded = new URLSearchParams(location.hash.slice(1)).get('gdiIframeUrl') || '';
    let src;
    try {
      src = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
    } catch {
      return navigate('/esito', { replace: true });
    }
    // As the real front end: the gateway's page navigates the top window to the outcome; the timer is the
    // fallback, and only while this page is shown (the real one clears it when the page goes).
    setTimeout(() => location.pathname === '/gdi-check' && navigate(`/esito?t=${Date.now()}`, { replace: true }), Number(env.CHECKOUT_GDI_CHECK_TIMEOUT));
    page(
      t('loading'),
      h('div', { class: 'loader', role: 'progressbar', 'aria-label': t('loading') }),
      h('p', {}, t('gdiWait')),
      h('iframe', { id: 'iframe-gdi', title: '3DS', src, class: 'hidden-frame' }),
    );
  }

  async function outcomePage() {
    if (!guard('transaction')) return;
    const transaction = store.get('transaction');
    page(t('loading'), h('div', { class: 'loader', role: 'progressbar', 'aria-label': t('loading') }));
    let result = { outcome: 1 };
    const attempts = Number(env.CHECKOUT_API_RETRY_NUMBERS);
    const baseDelay = Number(env.CHECKOUT_API_RETRY_DELAY);
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const res = await api(`${V1}/transactions/${transaction.transactionId}/outcomes`, { headers: bearer() }).catch(() => ({ ok: false, status: 0 }));
      if (res.ok && res.body?.isFinalStatus) {
        result = res.body;
        break;
      }
      const retryable = res.ok || res.status === 404 || res.status === 429 || res.status >= 500 || res.status === 0;
      if (!retryable) break;
      if (res.ok) result = res.body;
      // Linear for the first five attempts, then growing; Retry-After wins when given.
      const delay = res.retryAfter ? Number(res.retryAfter) * 1000 : baseDelay * (attempt <= 5 ? 1 : attempt - 4);
      if (attempt < attempts) await new Promise((resolve) => setTimeout(resolve, delay));
    }
    const code = result.outcome === 5 ? 4 : result.outcome;
    const success = code === 0 && result.isFinalStatus;
    // As the real front end: the amount shown is totalAmount (fees excluded) + fees, both in euro cents.
    const paidTotal = (result.totalAmount ?? 0) + (result.fees ?? 0);
    const title = success ? t('outcome.0', { amount: euro(paidTotal) }) : t(`outcome.${code}`) === `outcome.${code}` ? '' : t(`outcome.${code}`);
    pageWithTitle(
      title,
      success ? h('p', { id: 'responsePageMessageBody' }, t('outcomeBody', { email: store.get('useremail') })) : h('p', { id: 'responsePageMessageBody' }),
      h(
        'div',
        { class: 'actions' },
        currentCart()
          ? button('closeButton', t('continue'), () => leave(success ? 'returnOkUrl' : 'returnErrorUrl'))
          : button('closeButton', t('close'), () => navigate('/')),
      ),
    );
    root.querySelector('h1').id = 'responsePageMessageTitle';
  }

  function koPage() {
    document.title = `${t('koTitle')} - pagoPA`;
    root.replaceChildren(
      h(
        'div',
        { class: 'page' },
        h('h1', { id: 'koPageTitle' }, t('koTitle')),
        h('p', { id: 'koPageBody' }, t('koBody')),
        h(
          'div',
          { class: 'actions' },
          button('koPageButton', t('home'), () => leave('returnErrorUrl')),
        ),
      ),
    );
  }

  function cancelledPage() {
    pageWithTitle(
      t('cancelledBody'),
      h('p', { id: 'cancelledPageBody' }, t('cancelledBody')),
      h(
        'div',
        { class: 'actions' },
        button('redirect-button', t('close'), () => leave('returnCancelUrl')),
      ),
    );
  }

  /** `/c/<cartId>`: reads the cart, keeps it and its e-mail, and goes to the e-mail page (no notice entry). */
  async function cartPage(cartId) {
    sessionStorage.clear();
    page(t('loading'), h('div', { class: 'loader', role: 'progressbar', 'aria-label': t('loading') }));
    // The id as the address spells it (already URL-encoded).
    const res = await api(`${V1}/carts/${cartId}`).catch(() => ({ ok: false }));
    if (!res.ok || !Array.isArray(res.body?.paymentNotices) || !res.body.returnUrls) {
      return modal({
        ids: { title: 'idTitleErrorModalPaymentCartPage', body: 'idBodyErrorModalPaymentCartPage' },
        title: t('koTitle'),
        body: t('koBody'),
        buttons: [button('closeError', t('close'), () => navigate('/errore')), button('retryError', t('retry'), () => cartPage(cartId))],
      });
    }
    store.set('cart', res.body);
    if (res.body.emailNotice) store.set('useremail', res.body.emailNotice);
    navigate('/inserisci-email', { replace: true });
  }

  const ROUTES = {
    '/': indexPage,
    '/inserisci-dati-avviso': () => noticePage(),
    '/leggi-codice-qr': qrPage,
    '/dati-pagamento': summaryPage,
    '/inserisci-email': emailPage,
    '/scegli-metodo': methodPage,
    '/inserisci-carta': cardPage,
    '/lista-psp': pspPage,
    '/riepilogo-pagamento': checkPage,
    '/gdi-check': gdiPage,
    '/esito': outcomePage,
    '/errore': koPage,
    '/annullato': cancelledPage,
  };

  function render() {
    closeModal();
    const path = location.pathname;
    if (/^\/\d{29}$/.test(path)) return noticePage(path.slice(1));
    const cartRoute = /^\/c\/([^/]+)$/.exec(path);
    if (cartRoute) return cartPage(cartRoute[1]);
    (ROUTES[path] ?? koPage)();
  }

  // ---- shell: header, footer with the language menu --------------------------------------------
  const languageMenu = h(
    'select',
    {
      id: 'languageMenu',
      'aria-label': t('language'),
      onchange: (event) => {
        lang = event.target.value;
        localStorage.setItem('i18nextLng', lang);
        document.documentElement.lang = lang;
        languageMenu.setAttribute('aria-label', t('language'));
        render();
      },
    },
    h('option', { value: 'it' }, 'Italiano'),
    h('option', { value: 'en' }, 'English'),
  );
  languageMenu.value = lang;
  document.documentElement.lang = lang;
  document.getElementById('footer').append(languageMenu);
  featureFlags().finally(render);
})();
