// Stand-in of Google's invisible reCAPTCHA for the offline sandbox: every execution yields a token
// (UAT's backend only checks that one is present).
window.grecaptcha = {
  ready: (callback) => setTimeout(callback, 0),
  render: () => 0,
  reset: () => {},
  getResponse: () => window.grecaptcha.lastToken || '',
  execute: () => {
    window.grecaptcha.lastToken = `sandbox-recaptcha-${Math.random().toString(36).slice(2)}`;
    return Promise.resolve(window.grecaptcha.lastToken);
  },
};
