// The sandbox card gateway's hosted-fields SDK: the global `Build` class Checkout constructs with its
// callbacks. It talks only to the field iframes served from its own origin.
(() => {
  const ORIGIN = new URL(document.currentScript.src).origin;
  const FIELDS = ['CARD_NUMBER', 'EXPIRATION_DATE', 'SECURITY_CODE', 'CARDHOLDER_NAME'];
  const MESSAGES = {
    HF0001: 'Inserisci 3 o 4 cifre',
    HF0002: 'Servizio temporaneamente non disponibile',
    HF0003: 'La sessione è scaduta, torna indietro e riprova',
    HF0004: 'Inserisci un numero valido',
    HF0005: 'Il circuito di questa carta non è supportato',
    HF0006: 'Inserisci mm/aa',
    HF0007: 'Inserisci come riportato sulla carta',
  };

  /** The text of a gateway error code (only the codes above: `constructor` is no code). */
  const messageOf = (code) => (typeof code === 'string' && Object.hasOwn(MESSAGES, code) ? MESSAGES[code] : undefined);

  class Build {
    #config;
    #loaded = new Set();
    #stored = new Set();
    #allLoadedTold = false;
    #readyForPayment = false;

    constructor(config) {
      this.#config = config || {};
      window.addEventListener('message', (event) => this.#receive(event));
      // Fields that loaded before the SDK was built announce themselves again.
      for (const frame of this.#frames()) frame.contentWindow?.postMessage({ source: 'sandbox-card-sdk', type: 'hello' }, ORIGIN);
    }

    #frames() {
      return Array.from(document.querySelectorAll('iframe')).filter((frame) => frame.src.startsWith(`${ORIGIN}/`));
    }

    #receive(event) {
      const message = event.data;
      if (event.origin !== ORIGIN || !message || message.source !== 'sandbox-card-gateway' || !FIELDS.includes(message.id)) return;
      const config = this.#config;
      switch (message.type) {
        case 'loaded':
          this.#loaded.add(message.id);
          if (this.#loaded.size === FIELDS.length && !this.#allLoadedTold) {
            this.#allLoadedTold = true;
            config.onAllFieldsLoaded?.();
          }
          break;
        case 'validity':
          if (message.valid) config.onBuildSuccess?.({ id: message.id });
          else config.onBuildError?.({ id: message.id, errorCode: message.errorCode, errorMessage: messageOf(message.errorCode) });
          break;
        case 'stored':
          this.#stored.add(message.id);
          // Answers may arrive in any order: the gateway is ready once any answer says so.
          if (message.state === 'READY_FOR_PAYMENT') this.#readyForPayment = true;
          if (this.#stored.size === FIELDS.length) config.onBuildFlowStateChange?.({ data: {} }, this.#readyForPayment ? 'READY_FOR_PAYMENT' : message.state);
          break;
        case 'store-error':
          config.onConfirmError?.({ id: message.id, errorCode: message.errorCode, errorMessage: messageOf(message.errorCode) });
          break;
      }
    }

    /** Sends the card data from the fields to the gateway; the flow state follows. */
    confirmData(callback) {
      this.#stored.clear();
      this.#readyForPayment = false;
      for (const frame of this.#frames()) frame.contentWindow?.postMessage({ source: 'sandbox-card-sdk', type: 'confirm' }, ORIGIN);
      callback?.();
    }
  }

  window.Build = Build;
})();
