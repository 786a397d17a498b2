import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConsultationScopeFields } from '../graphql/local-spaces.types';

/** The place of a local space: its territory and carrying organisation, as known. */
export function scopePlace(consultation: ConsultationScopeFields): string {
  return [consultation.territory?.name, consultation.organisation?.name]
    .filter((part): part is string => Boolean(part))
    .join(' / ');
}

/** «Espace local · <territoire / organisation>» or «Consultation nationale». */
export function ScopeBadge({ consultation }: { consultation: ConsultationScopeFields }) {
  const { t } = useTranslation();
  const place = scopePlace(consultation);
  const label =
    consultation.scope === 'NATIONAL'
      ? t('localSpaces.national')
      : place
        ? t('localSpaces.local', { place })
        : t('localSpaces.localUnnamed');
  return (
    <Badge
      color="passerelle"
      variant="light"
      radius="sm"
      tt="none"
      size="lg"
      data-testid="consultation-scope"
    >
      {label}
    </Badge>
  );
}
