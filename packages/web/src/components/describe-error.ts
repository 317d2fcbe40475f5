import type { TFunction } from 'i18next';
import { ApiError, NetworkError } from '../api/client.ts';

/**
 * Says what went wrong and what to do about it, in the current language. The API's own English
 * message is only used for validation details it names.
 */
export function describeError(error: unknown, t: TFunction): string {
  if (error instanceof NetworkError) {
    return t('Could not reach the server. Check your connection, then try again.');
  }
  if (!(error instanceof ApiError)) {
    return t(
      'Something went wrong. Reload the page; if it happens again, tell your administrator.',
    );
  }
  switch (error.code) {
    case 'invalid_credentials':
      return t('The email or password is not right. Check them and try again.');
    case 'not_authenticated':
      return t('Your session has ended. Sign in again to continue.');
    case 'rate_limited':
      return t('Too many attempts. Wait a minute, then try again.');
    case 'csrf_token_invalid':
      return t('Your session is out of date. Reload the page and try again.');
    case 'forbidden':
      return t('You do not have access to this. Ask your administrator if you need it.');
    case 'not_found':
      return t('This was not found. It may have been removed, or the link may be wrong.');
    case 'validation_failed':
    case 'bad_request': {
      const details = (error.envelope.issues ?? []).map((issue) => issue.message).join('; ');
      return details === ''
        ? t('The request was not valid. Check what you entered and try again.')
        : t('The request was not valid: {{details}}', { details });
    }
    default:
      return error.status >= 500
        ? t(
            'The server had a problem. Try again in a moment; if it keeps happening, tell your administrator.',
          )
        : t('Something went wrong. Reload the page; if it happens again, tell your administrator.');
  }
}
