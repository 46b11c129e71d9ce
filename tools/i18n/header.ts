/**
 * The plugin header's translatable fields (Plugin Name, Description, ...), which WordPress shows translated
 * on the Plugins screen.
 */
import type { Entry } from './pot';

const FIELDS = [ 'Plugin Name', 'Plugin URI', 'Description', 'Author' ];

/**
 * @param mainFile  The main plugin file's content.
 * @param reference Its path, for the references.
 * @return One entry per header field present.
 */
export function headerEntries( mainFile: string, reference: string ): Entry[] {
	return FIELDS.flatMap( ( field ) => {
		const value = new RegExp( `^[\\s*#@]*${ field }:\\s*(.+)$`, 'mi' )
			.exec( mainFile )?.[ 1 ]
			?.trim();
		return value
			? [
					{
						msgid: value,
						references: [ reference ],
						comments: `${ field } of the plugin`,
					},
				]
			: [];
	} );
}
