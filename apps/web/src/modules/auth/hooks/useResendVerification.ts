import { useCallback, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/graphql/errors';
import { RESEND_VERIFICATION_MUTATION } from '../graphql/account-emails.documents';

/** Sends the signed-in account a new verification link; `notice` once sent, `error` otherwise. */
export function useResendVerification() {
  const { t } = useTranslation();
  const [mutate, { loading }] = useMutation(RESEND_VERIFICATION_MUTATION);
  const [notice, setNotice] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const resend = useCallback(async () => {
    setNotice(false);
    setError(null);
    try {
      await mutate();
      setNotice(true);
    } catch (failure) {
      setError(errorMessage(failure, t));
    }
  }, [mutate, t]);
  return { resend, loading, notice, error };
}
