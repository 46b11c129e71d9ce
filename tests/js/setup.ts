/**
 * Test setup for the jsdom project: DOM matchers such as toBeInTheDocument().
 */
import '@testing-library/jest-dom';
