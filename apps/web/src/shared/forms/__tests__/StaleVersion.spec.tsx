import { CombinedGraphQLErrors } from '@apollo/client';
import { act, renderHook } from '@testing-library/react';
import { useStaleVersion } from '../StaleVersion';

const apiError = (reason: string) =>
  new CombinedGraphQLErrors({
    errors: [{ message: 'Refusé.', extensions: { code: 'CONFLICT', reason } }],
  });

describe('useStaleVersion', () => {
  it('on STALE_VERSION, learns the current version and shows the conflict; clear hides it', async () => {
    const { result } = renderHook(() => useStaleVersion(3));
    expect(result.current).toMatchObject({ expectedVersion: 3, conflict: false });
    let handled = false;
    await act(async () => {
      handled = await result.current.recover(apiError('STALE_VERSION'), () => Promise.resolve(5));
    });
    expect(handled).toBe(true);
    expect(result.current).toMatchObject({ expectedVersion: 5, conflict: true });
    act(() => result.current.clear());
    expect(result.current).toMatchObject({ expectedVersion: 5, conflict: false });
  });

  it('keeps the version it had when the current one cannot be read', async () => {
    const { result } = renderHook(() => useStaleVersion(2));
    await act(async () => {
      await result.current.recover(apiError('STALE_VERSION'), () =>
        Promise.reject(new Error('offline')),
      );
    });
    expect(result.current).toMatchObject({ expectedVersion: 2, conflict: true });
  });

  it('leaves any other error to the form', async () => {
    const { result } = renderHook(() => useStaleVersion(1));
    const readVersion = jest.fn(() => Promise.resolve(9));
    let handled = true;
    await act(async () => {
      handled = await result.current.recover(apiError('NOT_ALLOWED'), readVersion);
    });
    expect(handled).toBe(false);
    expect(readVersion).not.toHaveBeenCalled();
    expect(result.current).toMatchObject({ expectedVersion: 1, conflict: false });
  });
});
