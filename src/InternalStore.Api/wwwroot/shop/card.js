// Mounts Stripe's Payment Element on the pay page and confirms the order's PaymentIntent.
// The server decides the amount; the order turns paid when Stripe's signed webhook arrives.
(function () {
  var form = document.getElementById('card-form');
  if (!form || typeof Stripe === 'undefined') {
    var message = document.getElementById('card-message');
    if (message) message.textContent = 'Stripe could not be loaded; check your connection and reload the page.';
    return;
  }
  var stripe = Stripe(form.dataset.publishableKey);
  var elements = stripe.elements({ clientSecret: form.dataset.clientSecret });
  elements.create('payment').mount('#payment-element');
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    document.getElementById('card-pay').disabled = true;
    stripe.confirmPayment({ elements: elements, confirmParams: { return_url: form.dataset.returnUrl } })
      .then(function (result) {
        if (result.error) {
          document.getElementById('card-message').textContent = result.error.message;
          document.getElementById('card-pay').disabled = false;
        }
      });
  });
})();
