import { defineConfig } from 'allure';

export default defineConfig({
  name: 'pagoPA async-mode conformance — evidence',
  output: './reports/allure-report',
  plugins: {
    awesome: { options: { singleFile: true, reportLanguage: 'en' } },
  },
});
