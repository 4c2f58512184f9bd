/** The id VS Code knows the extension by: `publisher.name` from package.json. */
export const EXTENSION_ID = 'bulk-messaging-workbench.bulk-messaging-workbench';
