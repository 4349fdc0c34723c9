import { z } from 'zod';

/**
 * Makes Zod's own issues report message keys from messages.ts, so that a missing field or a
 * too-long text is explained in Chinese or English like every domain rule. Messages given
 * explicitly in a schema (already keys) win over this map.
 */
z.config({
  customError: (issue) => {
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined || issue.input === null ? 'validation.required' : 'validation.invalidType';
      case 'too_small':
        if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'validation.required' : 'validation.tooShort';
        if (issue.origin === 'array') return 'validation.required';
        return 'validation.tooSmall';
      case 'too_big':
        return issue.origin === 'string' || issue.origin === 'array' ? 'validation.tooLong' : 'validation.tooBig';
      case 'invalid_value':
        return 'validation.invalidOption';
      case 'invalid_format':
        return issue.format === 'email' ? 'email.format' : 'validation.invalidFormat';
      case 'unrecognized_keys':
        return 'validation.unknownField';
      default:
        return 'validation.invalid';
    }
  },
});

export {};
