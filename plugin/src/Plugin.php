<?php
/**
 * The composition root: every object is built here, once, and every Hookable registered.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi;

use PayViaProxyApi\Admin\OrderPanel;
use PayViaProxyApi\Admin\OrdersListColumn;
use PayViaProxyApi\Admin\PhoneDisplaySetting;
use PayViaProxyApi\Admin\ReportTab;
use PayViaProxyApi\Admin\ScreenData;
use PayViaProxyApi\Admin\SettingsScreen;
use PayViaProxyApi\Admin\DarajaSettingsScreen;
use PayViaProxyApi\Admin\SetupNotice;
use PayViaProxyApi\Assets\ScriptAsset;
use PayViaProxyApi\Blocks\BlocksRegistrar;
use PayViaProxyApi\Callback\CallbackAuthenticator;
use PayViaProxyApi\Callback\CallbackIntake;
use PayViaProxyApi\Callback\CallbackParser;
use PayViaProxyApi\Callback\AfterAnswer;
use PayViaProxyApi\Callback\CallbackInbox;
use PayViaProxyApi\Callback\CallbackRoute;
use PayViaProxyApi\Callback\InboxSettler;
use PayViaProxyApi\Checkout\PaymentStatusPanel;
use PayViaProxyApi\Gateway\Gateway;
use PayViaProxyApi\Gateway\GatewayRegistrar;
use PayViaProxyApi\Health\HealthFacts;
use PayViaProxyApi\Health\SiteHealthTests;
use PayViaProxyApi\Health\SiteReadiness;
use PayViaProxyApi\I18n\TextDomain;
use PayViaProxyApi\Legacy\LegacyCallbackProcessor;
use PayViaProxyApi\Legacy\LegacyCallbackRoute;
use PayViaProxyApi\Legacy\LegacyMigration;
use PayViaProxyApi\Logging\Logger;
use PayViaProxyApi\Order\AttemptUpdater;
use PayViaProxyApi\Order\HoldStockGuard;
use PayViaProxyApi\Order\OrderLock;
use PayViaProxyApi\Order\OrderMeta;
use PayViaProxyApi\Order\ReceiptRegistry;
use PayViaProxyApi\Payment\CallbackAddress;
use PayViaProxyApi\Payment\PaymentService;
use PayViaProxyApi\Payment\ReceiptGuard;
use PayViaProxyApi\Payment\ResendPolicy;
use PayViaProxyApi\Payment\Settlement;
use PayViaProxyApi\Payment\SettlementRules;
use PayViaProxyApi\Payment\ShopperStatus;
use PayViaProxyApi\Provider\Daraja\DarajaSettings;
use PayViaProxyApi\Provider\PaymentProvider;
use PayViaProxyApi\Provider\ProviderFactory;
use PayViaProxyApi\Provider\ProxyApiReport;
use PayViaProxyApi\Provider\WpHttpClient;
use PayViaProxyApi\Reconciliation\Reconciler;
use PayViaProxyApi\Reconciliation\ReconciliationJob;
use PayViaProxyApi\Reconciliation\ReconciliationScheduler;
use PayViaProxyApi\Reports\AttemptBackfill;
use PayViaProxyApi\Reports\AttemptIndexer;
use PayViaProxyApi\Reports\AttemptRepository;
use PayViaProxyApi\Reports\AttemptTable;
use PayViaProxyApi\Reports\LegacyOrder;
use PayViaProxyApi\Reports\OrderPaymentView;
use PayViaProxyApi\Refunds\RefundRecordedListener;
use PayViaProxyApi\Refunds\RefundService;
use PayViaProxyApi\Refunds\ReversalAddress;
use PayViaProxyApi\Refunds\ReversalResultParser;
use PayViaProxyApi\Refunds\ReversalResultRoute;
use PayViaProxyApi\Refunds\ReversalRules;
use PayViaProxyApi\Refunds\ReversalSettlement;
use PayViaProxyApi\Refunds\ReversalStore;
use PayViaProxyApi\Reports\PaymentReport;
use PayViaProxyApi\Rest\AttemptsRoute;
use PayViaProxyApi\Rest\DarajaTestConnectionRoute;
use PayViaProxyApi\Rest\OrderPaymentRoute;
use PayViaProxyApi\Rest\PaymentStatusRoute;
use PayViaProxyApi\Rest\ReconcileRoute;
use PayViaProxyApi\Rest\ReportRoute;
use PayViaProxyApi\Rest\ResendClaim;
use PayViaProxyApi\Rest\ShopperOrderAccess;
use PayViaProxyApi\Rest\ShopperPaymentView;
use PayViaProxyApi\Rest\StatusPollCounter;
use PayViaProxyApi\Rest\VerifyKeyRoute;
use PayViaProxyApi\Security\PayerPhonePrivacy;
use PayViaProxyApi\Security\StatusPollLimit;
use PayViaProxyApi\Settings\AccountDueDate;
use PayViaProxyApi\Settings\DarajaSettingsSave;
use PayViaProxyApi\Settings\SecretField;
use PayViaProxyApi\Settings\SecretSource;
use PayViaProxyApi\Settings\Settings;
use PayViaProxyApi\Settings\SettingsSaveProcessor;

/**
 * Hand-wired dependency graph: no container, no singletons, no service locator.
 */
final class Plugin {

	/**
	 * @param Context $context Plugin paths and version.
	 */
	public function __construct( private Context $context ) {
	}

	/**
	 * Builds the graph and registers every Hookable.
	 */
	public function register(): void {
		foreach ( $this->hookables() as $hookable ) {
			$hookable->register();
		}
	}

	/**
	 * @return Hookable[]
	 */
	public function hookables(): array {
		global $wpdb;
		$settings   = new Settings( new SecretSource() );
		$daraja     = new DarajaSettings( $settings );
		$logger     = new Logger( static fn (): array => array_merge( array( $settings->api_key() ), $daraja->secrets() ) );
		$meta       = new OrderMeta();
		$lock       = new OrderLock( $wpdb );
		$receipts   = new ReceiptRegistry( $wpdb );
		$providers  = new ProviderFactory( $settings, $logger );
		$provider   = static fn (): PaymentProvider => $providers->payments();
		$payments   = new PaymentService( $settings, $provider, $meta, $lock, new CallbackAddress(), $logger );
		$resend     = new ResendPolicy();
		$settlement = new Settlement( $meta, $lock, new SettlementRules(), $logger, new AccountDueDate(), new ReceiptGuard( $receipts ) );
		$inbox      = new CallbackInbox( $wpdb );
		$settler    = new InboxSettler( $inbox, $settlement, $logger, $wpdb, static fn (): float => microtime( true ) );
		// Refunds (Daraja direct): a reversal per refund, its result applied by ReversalSettlement.
		$reversals  = new ReversalStore();
		$refunds    = new RefundService( $providers, $meta, $lock, $reversals, new ReversalRules(), new ReversalAddress(), $settings, $logger );
		$reversed   = new ReversalSettlement( $reversals, $lock, new ReversalRules(), $logger );
		$gateways   = new GatewayRegistrar( static fn (): Gateway => new Gateway( $settings, $payments, $meta, $resend, $refunds ) );
		$assets     = new ScriptAsset( $this->context );
		$shopper    = new ShopperPaymentView( $meta, new ShopperStatus( $resend ), static fn (): int => time() );
		$access     = new ShopperOrderAccess();
		$readiness  = new SiteReadiness( $settings );
		// The M-Pesa report and the order panel (admin screens over an indexed copy of the attempts).
		$phones       = new PhoneDisplaySetting();
		$phone_view   = \Closure::fromCallable( array( $phones, 'display' ) );
		$legacy       = new LegacyOrder( $meta );
		$attempt_rows = new AttemptRepository( $wpdb, $wpdb->prefix . AttemptTable::NAME );
		$indexer      = new AttemptIndexer( $attempt_rows, $meta, $legacy );
		$backfill     = new AttemptBackfill( $indexer, $attempt_rows );
		$screen       = new ScreenData( $assets );
		$order_view   = new OrderPaymentView( $meta, $legacy, $phone_view );
		$report       = new PaymentReport( $attempt_rows, $phone_view, static fn (): ?ProxyApiReport => $providers->payments()->transaction_report() );

		// Reconciliation of lost callbacks (Action Scheduler), the hold-stock guard, the upgrade from 2.2.7.
		$attempt_updater = new AttemptUpdater( $meta, $lock );
		$scheduler       = new ReconciliationScheduler( $meta, $attempt_updater, $logger );
		$reconciler      = new Reconciler( $provider, $settlement, $meta, $attempt_updater, $scheduler, $logger, $settler );

		return array(
			$gateways,
			$receipts,
			new SecretField( $settings ),
			new SettingsSaveProcessor( $settings, $logger ),
			new PayerPhonePrivacy(),
			new CallbackIntake( $logger ),
			new BlocksRegistrar( $gateways, $assets ),
			$inbox,
			$settler,
			new CallbackRoute( new CallbackAuthenticator( $meta, $settings ), new CallbackParser(), $settlement, $inbox, $settler, new AfterAnswer(), $logger ),
			new PaymentStatusRoute( $access, $shopper, new StatusPollCounter( new StatusPollLimit(), $settings, static fn (): int => time() ) ),
			new AttemptsRoute( $access, $shopper, $meta, $resend, new ResendClaim( $wpdb ), $payments, $logger ),
			new PaymentStatusPanel( $assets, $shopper, $meta ),
			new TextDomain( $this->context ),
			new SetupNotice( $settings, $readiness ),
			new SettingsScreen( $assets ),
			new VerifyKeyRoute( $settings, static fn ( string $key ): ProxyApiReport => new ProxyApiReport( new WpHttpClient(), $settings->api_base_url(), $key ) ),
			new DarajaSettingsScreen( $daraja, $assets ),
			new DarajaSettingsSave(),
			new DarajaTestConnectionRoute( $providers ),
			new ReversalResultRoute( $reversals, new ReversalResultParser(), $reversed, $logger ),
			new RefundRecordedListener( $reversed ),
			new SiteHealthTests( $settings, $readiness, new HealthFacts( $settings, $meta ) ),
			new AttemptTable( $wpdb, $backfill ),
			$indexer,
			$backfill,
			$phones,
			new ReportTab( $this->context, $screen, $phones, static fn (): ?int => ( new AccountDueDate() )->get() ),
			new ReportRoute( $report ),
			new OrderPanel( $order_view, $screen ),
			new OrderPaymentRoute( $order_view ),
			new OrdersListColumn(),
			$scheduler,
			new ReconciliationJob( $reconciler ),
			new ReconcileRoute( $reconciler ),
			new HoldStockGuard( $meta, $logger ),
			new LegacyCallbackRoute( new LegacyCallbackProcessor( new CallbackParser(), $meta, $settlement, Gateway::ID, $logger ) ),
			new LegacyMigration( new AccountDueDate(), (string) constant( 'WP_PLUGIN_DIR' ), $logger ),
		);
	}
}
