import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { BRIEF_LIMITS as L, createBriefInputSchema, fieldErrors } from '@passerelle/domain';
import { currentLanguage } from '../../../app/i18n/i18n';
import { paths } from '../../../app/paths';
import { FormErrorSummary } from '../../../shared/forms/FormErrorSummary';
import { useFieldErrors } from '../../../shared/forms/useFieldErrors';
import { errorMessage, errorReason, serverFieldErrors } from '../../../shared/graphql/errors';
import { slugify } from '../../admin/forms/consultation-form';
import {
  CREATE_BRIEF_MUTATION,
  CURATION_CONSULTATIONS_QUERY,
  type CreateBriefInput,
} from '../graphql/curation.documents';

const FIELDS = ['title', 'slug', 'consultationIds', 'introduction'] as const;

/** "Nouvelle contribution": title, slug (suggested from the title), consultations, introduction. */
export function NewBriefForm() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const consultations = useQuery(CURATION_CONSULTATIONS_QUERY);
  const { errors, count, fieldRef, report, clear } = useFieldErrors(FIELDS);
  const [formError, setFormError] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [slug, setSlug] = useState('');
  const [isSlugTyped, setIsSlugTyped] = useState(false);
  const [consultationIds, setConsultationIds] = useState<string[]>([]);
  const [introduction, setIntroduction] = useState('');
  const [createBrief, creating] = useMutation(CREATE_BRIEF_MUTATION, {
    update(cache) {
      cache.evict({ fieldName: 'briefs' });
      cache.gc();
    },
  });

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const input: CreateBriefInput = { title: title.trim(), slug, consultationIds, introduction };
    if (report(fieldErrors(createBriefInputSchema, input, currentLanguage(i18n)))) return;
    try {
      const { data } = await createBrief({ variables: { input } });
      if (data) {
        await navigate(paths.curationBrief(data.createBrief.id), {
          state: { announce: t('curation.create.created', { title: data.createBrief.title }) },
        });
      }
    } catch (error) {
      if (report(serverFieldErrors(error))) return;
      if (errorReason(error) === 'BRIEF_SLUG_TAKEN') {
        report([{ field: 'slug', rule: 'taken', message: errorMessage(error, t) }]);
        return;
      }
      setFormError(errorMessage(error, t));
    }
  };

  return (
    <form noValidate onSubmit={(event) => void handleSubmit(event)} aria-labelledby="new-brief">
      <Fieldset legend={<span id="new-brief">{t('curation.create.heading')}</span>}>
        <Stack gap="md">
          <FormErrorSummary fieldErrorCount={count} formError={formError} />
          <TextInput
            ref={fieldRef('title')}
            label={t('curation.create.title')}
            description={t('curation.lengthHint', { min: L.titleMin, max: L.titleMax })}
            required
            maxLength={L.titleMax}
            value={title}
            error={errors.title}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setTitle(value);
              clear('title');
              if (!isSlugTyped) {
                setSlug(slugify(value));
                clear('slug');
              }
            }}
          />
          <TextInput
            ref={fieldRef('slug')}
            label={t('curation.create.slug')}
            description={t('curation.create.slugHint')}
            required
            autoComplete="off"
            spellCheck={false}
            value={slug}
            error={errors.slug}
            onChange={(event) => {
              setIsSlugTyped(true);
              setSlug(event.currentTarget.value);
              clear('slug');
            }}
          />
          {consultations.error && !consultations.data ? (
            <Alert color="red" role="alert">
              {errorMessage(consultations.error, t)}
            </Alert>
          ) : (
            <Checkbox.Group
              label={t('curation.create.consultations')}
              description={t('curation.create.consultationsHint', {
                min: L.consultationsMin,
                max: L.consultationsMax,
              })}
              required
              value={consultationIds}
              error={errors.consultationIds}
              onChange={(value) => {
                setConsultationIds(value);
                clear('consultationIds');
              }}
            >
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
                {(consultations.data?.consultations ?? []).map((consultation, index) => (
                  <Checkbox
                    key={consultation.id}
                    ref={index === 0 ? fieldRef('consultationIds') : undefined}
                    value={consultation.id}
                    label={consultation.title}
                  />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          )}
          <Textarea
            ref={fieldRef('introduction')}
            label={t('curation.create.introduction')}
            description={t('curation.markdownHint', { max: L.introductionMax })}
            autosize
            minRows={3}
            maxRows={12}
            maxLength={L.introductionMax}
            value={introduction}
            error={errors.introduction}
            onChange={(event) => {
              setIntroduction(event.currentTarget.value);
              clear('introduction');
            }}
          />
          <div>
            <Button type="submit" loading={creating.loading}>
              {t('curation.create.submit')}
            </Button>
          </div>
        </Stack>
      </Fieldset>
    </form>
  );
}
