/**
 * The names shared with the PHP side (see docs/architecture.md, "Names").
 *
 * Each string exists once here so that the Checkout block, the admin screens and the tests cannot drift apart.
 */

/** Gateway id = Blocks name = JS name; kept from Pay via ProxyAPI 2.2.7 so upgraded stores keep their settings. */
export const PAYMENT_METHOD_NAME = 'proxyapi_pvp_settings';

/** Key under which `PaymentMethodType::get_payment_method_data()` reaches `getSetting()`. */
export const SETTINGS_DATA_KEY = `${ PAYMENT_METHOD_NAME }_data`;

/** Field name in the Store API `payment_data` (and the classic checkout form). */
export const PHONE_FIELD = 'pvp_phone';

/** DOM id of the M-Pesa phone input; end-to-end tests rely on it. */
export const PHONE_INPUT_ID = 'pvp-mpesa-phone';

/** DOM id of the help text under the phone input (its `aria-describedby` while there is no error). */
export const PHONE_HELP_ID = 'pvp-mpesa-phone-help';

/** REST namespace of our own routes. */
export const REST_NAMESPACE = 'pay-via-proxyapi/v1';

/**
 * Text domain. `__()` calls still spell it as a literal, because the string extractors
 * (`wp i18n make-pot`) only read literal domains; ESLint checks that they match this value.
 */
export const TEXT_DOMAIN = 'pay-via-proxyapi';
