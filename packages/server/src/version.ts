/** The Sankofa release this server is. */
export const VERSION = '0.1.0';
