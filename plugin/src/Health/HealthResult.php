<?php
/**
 * One Site Health finding: status, headline, explanation and the fix.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Health;

/**
 * Plain value object; SiteHealthTests turns it into the array WordPress expects. Texts are plain (escaped
 * when printed).
 */
final class HealthResult {

	public const GOOD        = 'good';
	public const RECOMMENDED = 'recommended';
	public const CRITICAL    = 'critical';

	/**
	 * @param string $status      good, recommended or critical.
	 * @param string $label       Headline, e.g. "M-Pesa callbacks reach the store".
	 * @param string $description What was found and why it matters.
	 * @param string $fix         What to do ('' when all is well).
	 */
	public function __construct(
		public readonly string $status,
		public readonly string $label,
		public readonly string $description,
		public readonly string $fix = ''
	) {
	}
}
